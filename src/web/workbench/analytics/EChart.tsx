// One ECharts chart in a div: created once, given new options when they change, resized with its box,
// disposed when the page goes. `label` names the chart for screen readers (role="img").
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export function EChart({
  option,
  height,
  label,
  theme,
}: {
  option: object;
  height: number | string;
  label: string;
  theme?: 'dark';
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, theme, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [theme]);
  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

/** Registers the schematic county map once. */
let registered = false;
export function registerMapOnce(name: string, geoJson: object) {
  if (registered) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}
