// A schematic map (示意图) of 信阳市's ten counties and districts for the big screen: there is no
// boundary geometry in the project's data, so each county gets the Voronoi cell of an approximate
// centre point (public geography, rounded to ~0.05°), clipped to a rough outline of the city. Shapes
// and borders are NOT the real administrative boundaries; only the relative positions are. The result
// is GeoJSON for echarts.registerMap. 信阳高新区 (a statistical zone inside 平桥/浉河) is not drawn.

type Point = [number, number];

/** County code → name and an approximate centre of its area (longitude, latitude). */
export const COUNTY_CENTRES: Array<{ code: string; name: string; centre: Point }> = [
  { code: '411502', name: '浉河区', centre: [113.95, 31.95] },
  { code: '411503', name: '平桥区', centre: [114.2, 32.3] },
  { code: '411521', name: '罗山县', centre: [114.45, 31.95] },
  { code: '411522', name: '光山县', centre: [114.9, 31.95] },
  { code: '411523', name: '新县', centre: [114.85, 31.6] },
  { code: '411524', name: '商城县', centre: [115.35, 31.65] },
  { code: '411525', name: '固始县', centre: [115.7, 32.1] },
  { code: '411526', name: '潢川县', centre: [115.1, 32.1] },
  { code: '411527', name: '淮滨县', centre: [115.4, 32.45] },
  { code: '411528', name: '息县', centre: [114.75, 32.4] },
];

/** A rough outline of the city (clockwise from the west), enough to give the cells an edge. */
const OUTLINE: Point[] = [
  [113.72, 32.1],
  [113.8, 32.38],
  [114.0, 32.55],
  [114.45, 32.62],
  [114.95, 32.6],
  [115.35, 32.64],
  [115.75, 32.5],
  [115.98, 32.2],
  [115.88, 31.8],
  [115.6, 31.45],
  [115.2, 31.38],
  [114.8, 31.45],
  [114.45, 31.55],
  [114.1, 31.62],
  [113.8, 31.82],
];

/** Keeps the part of a polygon on `site`'s side of the perpendicular bisector between site and other. */
function clipToSide(polygon: Point[], site: Point, other: Point): Point[] {
  const mid: Point = [(site[0] + other[0]) / 2, (site[1] + other[1]) / 2];
  const normal: Point = [other[0] - site[0], other[1] - site[1]];
  const side = (p: Point) => (p[0] - mid[0]) * normal[0] + (p[1] - mid[1]) * normal[1]; // ≤ 0: keep
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i] as Point;
    const b = polygon[(i + 1) % polygon.length] as Point;
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) out.push(a);
    if (sa <= 0 !== sb <= 0) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of one centre inside the outline. */
export function cellOf(index: number, centres: Point[] = COUNTY_CENTRES.map((c) => c.centre)): Point[] {
  const site = centres[index] as Point;
  let cell = OUTLINE;
  centres.forEach((other, j) => {
    if (j !== index) cell = clipToSide(cell, site, other);
  });
  return cell;
}

const round = (p: Point): Point => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];

/** GeoJSON of the ten cells, each feature named after its county (the names the map series uses). */
export function xinyangSchematic() {
  return {
    type: 'FeatureCollection' as const,
    features: COUNTY_CENTRES.map((c, i) => {
      const ring = cellOf(i).map(round);
      return {
        type: 'Feature' as const,
        id: c.code,
        properties: { name: c.name, code: c.code, cp: c.centre },
        geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0] as Point]] },
      };
    }),
  };
}
