// The search page (/search?q=…): a search box that suggests as the person types, facets with counts,
// ranked items with the matching words marked (text segments, never HTML), pages, and help when
// nothing matches.
import { AutoComplete, Card, Input, Pagination, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, query } from '../api.ts';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { useLoad } from '../common/useLoad.ts';
import { type ItemCard, ItemCards } from './catalog/ItemCards.tsx';
import { SearchFacets } from './catalog/SearchFacets.tsx';
import {
  FILTERS,
  hitsOf,
  type SearchAnswer,
  type SearchHitView,
  type SuggestAnswer,
  segmentsOf,
  suggestionsOf,
} from './catalog/search-types.ts';

const PAGE_SIZE = 10;

function Highlighted({ hit }: { hit: SearchHitView }) {
  return (
    <>
      {segmentsOf(hit).map((s, i) =>
        s.isMatch ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <mark key={i}>{s.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const cardOfHit = (h: SearchHitView): ItemCard => ({
  implementationId: h.implementationId,
  name: h.name,
  title: <Highlighted hit={h} />,
  departmentName: h.departmentName ?? h.department?.name ?? '',
  itemTypeLabel: h.itemType.label,
  onlineDepth: h.onlineDepth,
  isInstant: h.isInstant,
  visitsNeeded: h.visitsNeeded,
  promisedLimitDays: h.promisedLimitDays,
});

function useSuggestions(text: string): string[] {
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    const typed = text.trim();
    if (!typed) {
      setList([]);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      get<SuggestAnswer>(`/api/catalog/suggest${query({ q: typed })}`)
        .then((a) => isCurrent && setList(suggestionsOf(a)))
        .catch(() => isCurrent && setList([]));
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [text]);
  return list;
}

function NothingFound({ q }: { q: string }) {
  return (
    <div data-testid="no-results" style={{ padding: '8px 0' }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        没有找到与“{q}”相关的事项
      </Typography.Title>
      <ul className="inline-links" style={{ lineHeight: 1.9, paddingInlineStart: 20 }}>
        <li>换个说法试试，例如“营业执照”“结婚登记”“退休”。</li>
        <li>检查是否有错别字，或减少筛选条件。</li>
        <li>
          按<Link to="/themes">主题</Link>或<Link to="/departments">部门</Link>浏览全部事项。
        </li>
        <li>
          仍找不到？拨打 <a href="tel:12345">12345</a> 政务服务便民热线咨询。
        </li>
      </ul>
    </div>
  );
}

export default function Search() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const chosen = Object.fromEntries(FILTERS.map((f) => [f.param, params.get(f.param) ?? '']));
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const suggestions = useSuggestions(text === q ? '' : text);
  const hasAsked = q !== '' || Object.values(chosen).some(Boolean);
  const { data, error, isLoading } = useLoad<SearchAnswer>(
    hasAsked ? `/api/catalog/search${query({ q, ...chosen, page, pageSize: PAGE_SIZE })}` : null,
  );

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? merged.set(k, v) : merged.delete(k);
    if (!('page' in next)) merged.delete('page');
    setParams(merged);
  };
  const hits = data ? hitsOf(data) : [];
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        事项检索
      </Typography.Title>
      <search aria-label="事项检索">
        <AutoComplete
          style={{ width: '100%', maxWidth: 640 }}
          value={text}
          options={suggestions.map((s) => ({ value: s, label: s }))}
          onChange={setText}
          onSelect={(value: string) => update({ q: value })}
        >
          <Input.Search
            size="large"
            placeholder="用自己的话说说要办什么，如：开饭店要办什么证"
            enterButton="搜索"
            aria-label="搜索办事事项"
            data-testid="search-input"
            onSearch={(value) => update({ q: value.trim() })}
          />
        </AutoComplete>
      </search>
      <ProblemAlert error={error} />
      {!hasAsked ? (
        <p style={{ marginTop: 16 }}>
          输入想办的事，或按<Link to="/themes">主题</Link>、<Link to="/departments">部门</Link>浏览。
        </p>
      ) : !data ? (
        isLoading ? (
          <Skeleton active style={{ marginTop: 16 }} />
        ) : null
      ) : (
        <div className="search-body">
          <SearchFacets facets={data.facets} chosen={chosen} onChoose={(k, v) => update({ [k]: v })} />
          <section aria-label="检索结果">
            <p aria-live="polite" data-testid="result-count">
              {q ? `“${q}”` : '筛选'}共找到 {data.total} 项
              {data.corrections?.length ? `（已按“${data.corrections.join('、')}”查找）` : ''}
            </p>
            {hits.length === 0 ? (
              <NothingFound q={q} />
            ) : (
              <ItemCards label="检索结果" items={hits.map(cardOfHit)} />
            )}
            {data.total > PAGE_SIZE ? (
              <Pagination
                style={{ marginTop: 16 }}
                current={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                showSizeChanger={false}
                onChange={(p) => update({ page: String(p) })}
              />
            ) : null}
          </section>
        </div>
      )}
    </Card>
  );
}
