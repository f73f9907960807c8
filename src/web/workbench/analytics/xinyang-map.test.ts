// The schematic county map: ten cells, each holding its own centre, none overlapping another's centre.
import { describe, expect, it } from 'vitest';
import { COUNTY_CENTRES, cellOf, xinyangSchematic } from './xinyang-map.ts';

const contains = (ring: Array<[number, number]>, [x, y]: [number, number]) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

describe('the schematic map of 信阳市', () => {
  it('has one closed polygon per county, named as the statistics name them', () => {
    const map = xinyangSchematic();
    expect(map.features.map((f) => f.properties.name)).toEqual(COUNTY_CENTRES.map((c) => c.name));
    for (const f of map.features) {
      const ring = f.geometry.coordinates[0] ?? [];
      expect(ring.length).toBeGreaterThan(3);
      expect(ring[0]).toEqual(ring.at(-1));
    }
  });

  it('puts every centre in its own cell and in no other', () => {
    COUNTY_CENTRES.forEach((c, i) => {
      COUNTY_CENTRES.forEach((_, j) => {
        expect(contains(cellOf(j), c.centre), `${c.name} in cell ${j}`).toBe(i === j);
      });
    });
  });
});
