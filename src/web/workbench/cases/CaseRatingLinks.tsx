// 服务评价 on the staff case page: each service event with its rating, and for an unrated one a
// 评价二维码 — a 30-minute signed link the applicant scans with a phone, or opens on the hall's tablet
// (在本机打开), to rate that event without signing in.
import { Button, Flex, QRCode, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { GivenRating } from '../../common/RatingPrompt.tsx';
import type { CaseRatings, RatableEvent, RatingLink } from '../../common/ratings.ts';
import { Section } from '../../common/Section.tsx';
import { useLoad } from '../../common/useLoad.ts';

function LinkQr({ caseId, event }: { caseId: string; event: RatableEvent }) {
  const [link, setLink] = useState<RatingLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issue = async (channel: '3' | '4') => {
    setError(null);
    try {
      setLink(await post<RatingLink>('/api/ratings/links', { caseId, eventId: event.eventId, channel }));
    } catch (e) {
      setError(e);
    }
  };
  if (!link)
    return (
      <Flex gap={8} wrap>
        <Button onClick={() => issue('3')} data-testid={`qr-${event.kind}`}>
          生成评价二维码
        </Button>
        <Button onClick={() => issue('4')} data-testid={`tablet-${event.kind}`}>
          平板评价
        </Button>
        <ProblemAlert error={error} />
      </Flex>
    );
  const url = `${window.location.origin}${link.path}`;
  return (
    <Flex gap={12} wrap align="center" data-testid="rating-link">
      <QRCode value={url} type="svg" size={160} bordered={false} aria-label="服务评价二维码" />
      <div>
        <p style={{ margin: 0 }}>请申请人扫码评价，{when(link.expiresAt)} 前有效。</p>
        <Link to={link.path} target="_blank" data-testid="rating-link-open">
          在本机打开评价页
        </Link>
      </div>
    </Flex>
  );
}

export function CaseRatingLinks({ caseId }: { caseId: string }) {
  const { data, error } = useLoad<CaseRatings>(`/api/ratings/cases/${caseId}`);
  if (error) return null;
  if (!data) return <Skeleton active aria-label="加载中" />;
  if (data.events.length === 0) return null;
  return (
    <Section title="服务评价" testId="staff-case-ratings">
      <Flex vertical gap={16}>
        {data.events.map((e) => (
          <div key={e.eventId}>
            <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>
              {e.kindLabel}服务 <span style={{ fontWeight: 400, fontSize: 13 }}>（{when(e.at)}）</span>
            </h3>
            {e.rating ? <GivenRating rating={e.rating} /> : <LinkQr caseId={caseId} event={e} />}
          </div>
        ))}
      </Flex>
    </Section>
  );
}
