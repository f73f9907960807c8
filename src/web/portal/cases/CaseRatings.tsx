// 服务评价 on the applicant's case page: one prompt per service event that happened (申报, 补正, 办结 …),
// the rating already given with its one change, and what the department's rectification of a bad
// rating came to. The channel is 移动服务端 on a phone-sized screen, PC端 otherwise.
import { Flex, Grid, Skeleton } from 'antd';
import { post, put } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { RatingPrompt } from '../../common/RatingPrompt.tsx';
import type { CaseRatings as CaseRatingsView, RatingView } from '../../common/ratings.ts';
import { Section } from '../../common/Section.tsx';
import { useLoad } from '../../common/useLoad.ts';

export function CaseRatings({ caseId }: { caseId: string }) {
  const { data, error, reload } = useLoad<CaseRatingsView>(`/api/ratings/cases/${caseId}`);
  const screens = Grid.useBreakpoint();
  const channel = screens.md ? '1' : '2';
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Skeleton active aria-label="加载中" />;
  if (data.events.length === 0) return null;
  return (
    <Section title="服务评价" testId="case-ratings">
      <Flex vertical gap={16}>
        {data.events.map((e) => (
          <div key={e.eventId} data-testid={`rate-${e.kind}`}>
            <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>
              {e.kindLabel}服务 <span style={{ fontWeight: 400, fontSize: 13 }}>（{when(e.at)}）</span>
            </h3>
            <RatingPrompt
              testId={`rate-form-${e.kind}`}
              rating={e.rating}
              onRate={async (a) => {
                await post<RatingView>(`/api/ratings/cases/${caseId}/events/${e.eventId}`, { ...a, channel });
                await reload();
              }}
              onAmend={async (id, a) => {
                await put<RatingView>(`/api/ratings/${id}`, a);
                await reload();
              }}
            />
          </div>
        ))}
      </Flex>
    </Section>
  );
}
