// The dashboard's data for the big screen and the cockpit: one GET, percentages, and the chart options
// both pages share (trend line, county map, rankings).
import type { Dashboard } from '../../../modules/analytics/schema.ts';
import { COUNTY_CENTRES } from './xinyang-map.ts';

export type { Dashboard };
export const DASHBOARD_PATH = '/api/analytics/dashboard';
export const REFRESH_MS = 30_000;

/** 0.8765 → "87.7%"; null → "—" */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export const LEVEL_NAMES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

type Palette = { text: string; axis: string; grid: string; series: string[] };
export const DARK: Palette = {
  text: '#cfe8ff',
  axis: '#5b7fa6',
  grid: 'rgba(91, 127, 166, 0.25)',
  series: ['#3fb1ff', '#36d6a0', '#ffc857'],
};
export const LIGHT: Palette = {
  text: 'rgba(0, 0, 0, 0.85)',
  axis: 'rgba(0, 0, 0, 0.45)',
  grid: 'rgba(0, 0, 0, 0.08)',
  series: ['#1668dc', '#389e0d', '#d48806'],
};

const shortDay = (day: string) => day.slice(5).replace('-', '/');

export function trendOption(d: Dashboard, p: Palette) {
  const names = ['申报', '受理', '办结'];
  const keys = ['submitted', 'accepted', 'concluded'] as const;
  return {
    color: p.series,
    textStyle: { color: p.text },
    tooltip: { trigger: 'axis' },
    legend: { data: names, textStyle: { color: p.text }, top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: d.trend.map((t) => shortDay(t.day)),
      axisLine: { lineStyle: { color: p.axis } },
      axisLabel: { color: p.text },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: p.text },
      splitLine: { lineStyle: { color: p.grid } },
    },
    series: keys.map((k, i) => ({
      name: names[i],
      type: 'line',
      smooth: true,
      showSymbol: false,
      areaStyle: i === 0 ? { opacity: 0.15 } : undefined,
      data: d.trend.map((t) => t[k]),
    })),
  };
}

/** Horizontal bars, biggest on top. */
export function rankingOption(
  rows: Array<{ name: string; value: number }>,
  p: Palette,
  color: string,
  labelWidth = 150,
) {
  const top = rows.slice(0, 10).reverse();
  return {
    textStyle: { color: p.text },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.name),
      axisLabel: { color: p.text, width: labelWidth, overflow: 'truncate' },
      axisLine: { lineStyle: { color: p.axis } },
    },
    series: [
      {
        type: 'bar',
        data: top.map((r) => r.value),
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: p.text },
        barMaxWidth: 18,
      },
    ],
  };
}

export const departmentRows = (d: Dashboard) =>
  d.byDepartment.map((r) => ({ name: r.name.replace(/^信阳市/, ''), value: r.submitted }));
export const itemRows = (d: Dashboard) => d.byItem.map((r) => ({ name: r.name, value: r.submitted }));

/** The county map: colour by the period's applications. */
export function mapOption(d: Dashboard, p: Palette, mapName: string) {
  const counties = COUNTY_CENTRES.map((c) => ({
    name: c.name,
    value: d.byCounty.find((r) => r.code === c.code)?.submitted ?? 0,
  }));
  const max = Math.max(1, ...counties.map((c) => c.value));
  return {
    textStyle: { color: p.text },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['多', '少'],
      textStyle: { color: p.text },
      inRange: { color: p === DARK ? ['#0f3460', '#1f6fb2', '#3fb1ff', '#9be7ff'] : ['#e6f4ff', '#1668dc'] },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        layoutCenter: ['50%', '46%'],
        layoutSize: '92%',
        // a halo keeps the names legible on light and dark cells alike
        label: {
          show: true,
          color: p === DARK ? '#ffffff' : '#000000',
          textBorderColor: p === DARK ? '#02142e' : '#ffffff',
          textBorderWidth: 3,
          fontSize: p === DARK ? 16 : 13,
        },
        itemStyle: { borderColor: p === DARK ? '#9be7ff' : '#ffffff', borderWidth: 1 },
        emphasis: { label: { color: '#ffffff' }, itemStyle: { areaColor: '#ffc857' } },
        data: counties,
      },
    ],
  };
}

export function satisfactionOption(d: Dashboard, p: Palette) {
  if (d.satisfaction.total === 0)
    return {
      title: {
        text: '暂无评价',
        subtext: '期间内没有收到好差评',
        left: 'center',
        top: 'middle',
        textStyle: { color: p.text, fontSize: 18 },
        subtextStyle: { color: p.axis },
      },
      series: [],
    };
  return {
    color: ['#36d6a0', '#3fb1ff', '#8ecae6', '#ffb703', '#fb5607'],
    textStyle: { color: p.text },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
    legend: { bottom: 0, textStyle: { color: p.text }, itemWidth: 12, itemHeight: 12 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '42%'],
        label: { show: false },
        data: LEVEL_NAMES.map((name, i) => ({ name, value: d.satisfaction.byLevel[i] ?? 0 })),
      },
    ],
  };
}
