// 数据大屏 (/screen): a 1920×1080 dark screen for leaders — today's applications, acceptances and
// conclusions, the period's rates, cases overdue now, satisfaction, the 30-day trend, department and
// item rankings and a schematic county map of 信阳市 — refreshed every 30 s. Scaled to fit any window.
// Needs a signed-in office_admin or supervisor (a department's head or admin sees their department).
import { Button, Result, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import {
  DARK,
  type Dashboard,
  departmentRows,
  itemRows,
  mapOption,
  percent,
  rankingOption,
  satisfactionOption,
  trendOption,
} from './dashboard.ts';
import { EChart, registerMapOnce } from './EChart.tsx';
import { useDashboard } from './useDashboard.ts';
import { xinyangSchematic } from './xinyang-map.ts';

const W = 1920;
const H = 1080;
const MAP = 'xinyang-schematic';
const ROLES = ['office_admin', 'supervisor', 'dept_head', 'dept_admin'];

const panel = {
  background: 'linear-gradient(180deg, rgba(16, 52, 96, 0.55), rgba(8, 26, 56, 0.55))',
  border: '1px solid rgba(63, 177, 255, 0.35)',
  borderRadius: 6,
  padding: '12px 16px',
  boxSizing: 'border-box' as const,
};
const panelTitle = { color: '#9be7ff', fontSize: 20, fontWeight: 600, margin: '0 0 8px' };

function useScale() {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const fitWindow = () => setScale(Math.min(window.innerWidth / W, window.innerHeight / H));
    fitWindow();
    window.addEventListener('resize', fitWindow);
    return () => window.removeEventListener('resize', fitWindow);
  }, []);
  return scale;
}

function Kpi({ label, value, unit, tone }: { label: string; value: string; unit?: string; tone?: string }) {
  return (
    <div style={{ ...panel, flex: 1, textAlign: 'center', padding: '14px 8px' }}>
      <div style={{ color: '#9fc3e6', fontSize: 20 }}>{label}</div>
      <div style={{ color: tone ?? '#ffffff', fontSize: 48, fontWeight: 700, lineHeight: 1.2 }}>
        {value}
        {unit && <span style={{ fontSize: 20, marginLeft: 4, color: '#9fc3e6' }}>{unit}</span>}
      </div>
    </div>
  );
}

function Panel({ title, children, style }: { title: string; children: React.ReactNode; style?: object }) {
  return (
    <section style={{ ...panel, ...style }} aria-label={title}>
      <h2 style={panelTitle}>{title}</h2>
      {children}
    </section>
  );
}

function Screen({ d, loadedAt }: { d: Dashboard; loadedAt: Date | null }) {
  const trend = useMemo(() => trendOption(d, DARK), [d]);
  const map = useMemo(() => mapOption(d, DARK, MAP), [d]);
  const departments = useMemo(() => rankingOption(departmentRows(d), DARK, '#3fb1ff'), [d]);
  const items = useMemo(() => rankingOption(itemRows(d), DARK, '#36d6a0', 230), [d]);
  const satisfaction = useMemo(() => satisfactionOption(d, DARK), [d]);
  const city = d.byCounty.find((c) => c.code === '411500');
  const zones = d.byCounty.filter((c) => c.code === '411571');
  const t = d.todayCounts;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, height: '100%' }}>
      <div style={{ display: 'flex', gap: 16 }}>
        <Kpi label="今日申报" value={String(t.submitted)} unit="件" />
        <Kpi label="今日受理" value={String(t.accepted)} unit="件" />
        <Kpi label="今日办结" value={String(t.concluded)} unit="件" />
        <Kpi label="受理率" value={percent(d.rates.acceptance)} tone="#36d6a0" />
        <Kpi label="办结率" value={percent(d.rates.conclusion)} tone="#36d6a0" />
        <Kpi label="按时办结率" value={percent(d.rates.onTime)} tone="#36d6a0" />
        <Kpi
          label="当前超期"
          value={String(d.overdueNow)}
          unit="件"
          tone={d.overdueNow > 0 ? '#ff6b6b' : '#36d6a0'}
        />
        <Kpi label="满意率" value={percent(d.satisfaction.rate)} tone="#ffc857" />
      </div>
      <div style={{ display: 'flex', gap: 16, flex: 1, minHeight: 0 }}>
        <div style={{ width: 560, display: 'flex', flexDirection: 'column', gap: 16 }}>
          <Panel title="近 30 日办件趋势" style={{ flex: 1 }}>
            <EChart option={trend} height={330} label="近 30 日申报、受理、办结趋势折线图" theme="dark" />
          </Panel>
          <Panel title="评价满意度（好差评）" style={{ flex: 1 }}>
            <EChart option={satisfaction} height={300} label="评价等级分布环形图" theme="dark" />
          </Panel>
        </div>
        <Panel title="各县区申报量" style={{ flex: 1, position: 'relative' }}>
          <EChart option={map} height={700} label="信阳市各县区申报量示意图" theme="dark" />
          <div
            style={{
              position: 'absolute',
              left: 16,
              top: 52,
              color: '#9fc3e6',
              fontSize: 18,
              lineHeight: 1.8,
            }}
          >
            <div>
              市本级 <strong style={{ color: '#fff', fontSize: 26 }}>{city?.submitted ?? 0}</strong> 件
            </div>
            {zones.map((z) => (
              <div key={z.code}>
                {z.name.replace('信阳', '').replace('技术产业开发区', '区')}{' '}
                <strong style={{ color: '#fff', fontSize: 22 }}>{z.submitted}</strong> 件
              </div>
            ))}
          </div>
          <div style={{ position: 'absolute', right: 16, bottom: 12, color: '#7f9fbf', fontSize: 15 }}>
            示意图：县区位置为近似中心点划分，非精确行政边界
          </div>
        </Panel>
        <div style={{ width: 560, display: 'flex', flexDirection: 'column', gap: 16 }}>
          <Panel title="部门申报量排名" style={{ flex: 1 }}>
            <EChart option={departments} height={330} label="部门申报量前十排名条形图" theme="dark" />
          </Panel>
          <Panel title="热门事项" style={{ flex: 1 }}>
            <EChart option={items} height={300} label="申报量前十事项条形图" theme="dark" />
          </Panel>
        </div>
      </div>
      <div style={{ color: '#7f9fbf', fontSize: 16, display: 'flex', justifyContent: 'space-between' }}>
        <span>
          统计期间 {d.period.from} 至 {d.period.to}（排名按期间所跨自然月）· 期间申报 {d.totals.submitted} 件
          · 办结 {d.totals.concluded} 件 · 网办率 {percent(d.rates.online)}
        </span>
        <span>
          每 30 秒自动刷新 · 更新于 {loadedAt?.toLocaleTimeString('zh-CN', { hour12: false }) ?? '—'}
        </span>
      </div>
    </div>
  );
}

export default function BigScreen() {
  useTitle('数据大屏');
  const { me, isLoading } = useSession();
  const allowed = me?.kind === 'staff' && me.isMfaComplete && me.roles.some((r) => ROLES.includes(r));
  const { data, error, loadedAt } = useDashboard(Boolean(allowed));
  const scale = useScale();
  const [clock, setClock] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setClock(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  registerMapOnce(MAP, xinyangSchematic());

  if (isLoading) return <Spin aria-label="加载中" style={{ display: 'block', margin: 96 }} />;
  if (!allowed)
    return (
      <main>
        <Result
          status="403"
          title="数据大屏需登录查看"
          subTitle="请以政务服务管理机构或电子监察人员的工作台账号登录后再打开本页。"
          extra={
            <Button type="primary" href="/workbench/login">
              登录工作台
            </Button>
          }
        />
      </main>
    );
  return (
    <main
      style={{ position: 'fixed', inset: 0, background: '#020b1f', overflow: 'hidden' }}
      aria-label="信阳市一网通办数据大屏"
    >
      <div
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: '0 0',
          background: 'radial-gradient(ellipse at 50% 0%, #0d2b5c 0%, #041433 60%, #020b1f 100%)',
          padding: '0 24px 16px',
          boxSizing: 'border-box',
          display: 'flex',
          flexDirection: 'column',
          fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
        }}
      >
        <header
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 84 }}
        >
          <span style={{ color: '#9fc3e6', fontSize: 20, width: 420 }}>
            {data?.scope.departmentName ?? '全市'} · 今日 {data?.today ?? ''}
          </span>
          <h1
            style={{
              color: '#e6f4ff',
              fontSize: 40,
              letterSpacing: 6,
              margin: 0,
              textShadow: '0 0 12px #3fb1ff',
            }}
          >
            信阳市一网通办数据大屏
          </h1>
          <span style={{ color: '#9fc3e6', fontSize: 20, width: 420, textAlign: 'right' }}>
            {clock.toLocaleString('zh-CN', { hour12: false })}
          </span>
        </header>
        <div style={{ flex: 1, minHeight: 0 }}>
          {data ? (
            <Screen d={data} loadedAt={loadedAt} />
          ) : (
            <div style={{ color: '#9fc3e6', fontSize: 24, textAlign: 'center', marginTop: 200 }}>
              {error ? '数据暂时无法加载，稍后自动重试' : '正在加载…'}
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
