// Every element of a guide (办事指南) as headed sections a citizen reads top to bottom and prints:
// basics, conditions, materials, process, result, places and windows, phones, legal basis, FAQ.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  DEPTH_LABEL,
  feeText,
  type GuideView,
  LEVEL_LABEL,
  limitText,
  visitsText,
} from '../../common/catalog.ts';
import { Materials } from './Materials.tsx';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="guide-section"
      style={{ marginTop: 12 }}
      styles={{ body: { padding: '12px 16px 16px' } }}
      data-testid={`section-${id}`}
    >
      <section aria-labelledby={`h-${id}`}>
        <Typography.Title id={`h-${id}`} level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </section>
    </Card>
  );
}

function Lines({ lines, empty, ordered = true }: { lines: string[]; empty: string; ordered?: boolean }) {
  if (lines.length === 0) return <p>{empty}</p>;
  const items = lines.map((l, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is their identity
    <li key={`${i}-${l}`}>{l}</li>
  ));
  const style = { margin: 0, paddingInlineStart: 22, lineHeight: 1.8 };
  return ordered ? <ol style={style}>{items}</ol> : <ul style={style}>{items}</ul>;
}

function Basics({ guide }: { guide: GuideView }) {
  const c = guide.version.content;
  const rows: [string, ReactNode][] = [
    ['事项类型', c.itemType.label],
    ['服务对象', c.serves.join('、')],
    ['实施主体', guide.department.name],
    ['实施层级', LEVEL_LABEL[guide.level]],
    ['行使层级', c.level.join('、')],
    ['办件类型', c.isInstant ? '即办件' : '承诺件'],
    ['法定办结时限', limitText(c.legalLimitDays, c.legalLimitUnit)],
    ['承诺办结时限', limitText(c.promisedLimitDays, c.legalLimitUnit ?? '工作日', c.isInstant)],
    ['到办事现场次数', visitsText(c.visitsNeeded)],
    ['网上办理深度', DEPTH_LABEL[c.onlineDepth] ?? String(c.onlineDepth)],
    ['是否收费', feeText(c.fee)],
    ['基本编码', guide.basicCode],
    ['实施编码', guide.code],
  ];
  if (c.fee.isCharged && c.fee.basis) rows.splice(11, 0, ['收费依据', c.fee.basis]);
  return (
    <dl className="kv kv-grid">
      {rows.map(([k, v]) => (
        <div key={k} className="kv-row" data-testid={`basic-${k}`}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Places({ places }: { places: GuideView['version']['content']['places'] }) {
  if (places.length === 0) return <p>全程网上办理，无需到窗口。</p>;
  return (
    <div style={{ display: 'grid', gap: 10 }}>
      {places.map((place) => (
        <div
          key={place.name}
          data-testid="place"
          style={{ border: '1px solid #e3e8ef', borderRadius: 8, padding: '10px 12px' }}
        >
          <Typography.Title level={3} style={{ fontSize: 16, margin: '0 0 6px' }}>
            {place.name}
          </Typography.Title>
          <dl className="kv">
            <dt>办理窗口</dt>
            <dd>{place.windows.length ? place.windows.join('、') : '—'}</dd>
            <dt>地址</dt>
            <dd>{place.address || '—'}</dd>
            <dt>办公时间</dt>
            <dd>{place.hours || '—'}</dd>
          </dl>
        </div>
      ))}
    </div>
  );
}

export function GuideSections({ guide }: { guide: GuideView }) {
  const c = guide.version.content;
  return (
    <>
      <Section id="basics" title="基本信息">
        <Basics guide={guide} />
      </Section>
      <Section id="conditions" title="受理条件">
        <Lines lines={c.conditions} empty="无特别条件。" />
      </Section>
      <Section id="materials" title="申请材料">
        <Materials materials={c.materials} />
      </Section>
      <Section id="process" title="办理流程">
        <Lines lines={c.processSteps} empty="—" />
      </Section>
      <Section id="result" title="办理结果">
        <dl className="kv">
          <dt>结果名称</dt>
          <dd>{c.resultName ?? '—'}</dd>
          <dt>电子证照</dt>
          <dd>{c.resultLicense ? `${c.resultLicense}（同步发放电子证照）` : '—'}</dd>
        </dl>
      </Section>
      <Section id="places" title="办理地点与时间">
        <Places places={c.places} />
        {c.localNotes ? (
          <p style={{ marginTop: 10 }}>
            <strong>本地说明：</strong>
            {c.localNotes}
          </p>
        ) : null}
      </Section>
      <Section id="phones" title="咨询与投诉">
        <dl className="kv">
          <dt>咨询电话</dt>
          <dd>{c.phones.consult ? <a href={`tel:${c.phones.consult}`}>{c.phones.consult}</a> : '—'}</dd>
          <dt>投诉电话</dt>
          <dd>{c.phones.complaint ? <a href={`tel:${c.phones.complaint}`}>{c.phones.complaint}</a> : '—'}</dd>
        </dl>
      </Section>
      <Section id="basis" title="设定依据">
        <Lines lines={c.legalBasis} empty="—" />
      </Section>
      <Section id="faq" title="常见问题">
        {c.faq.length === 0 ? (
          <p>暂无。</p>
        ) : (
          <dl className="faq">
            {c.faq.map((f) => (
              <div key={f.q}>
                <dt>问：{f.q}</dt>
                <dd>答：{f.a}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
    </>
  );
}
