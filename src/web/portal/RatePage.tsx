// 服务评价 through a window link (/rate/:token): the page the hall's tablet shows or the applicant's phone
// opens from the QR code on the clerk's screen. No sign-in: the link names one service event of one
// case, and the rating is the case applicant's (real-name). Mobile first.
import { Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { ApiError, post, put } from '../api.ts';
import { when } from '../common/catalog.ts';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { RatingPrompt } from '../common/RatingPrompt.tsx';
import type { LinkEvent, RatingView } from '../common/ratings.ts';
import { useLoad } from '../common/useLoad.ts';
import { useTitle } from '../common/useTitle.ts';

export default function RatePage() {
  const { token = '' } = useParams();
  useTitle('服务评价');
  const path = `/api/ratings/link/${encodeURIComponent(token)}`;
  const { data, error, reload } = useLoad<LinkEvent>(path);
  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 20 }}>评价链接无效或已过期</h1>}
        subTitle="请向窗口工作人员重新获取评价二维码。"
      />
    );
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Skeleton active aria-label="加载中" />;
  return (
    <Card styles={{ body: { padding: 16 } }} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        请对本次{data.eventKindLabel}服务进行评价
      </Typography.Title>
      <dl className="kv" style={{ marginBottom: 16 }}>
        <dt>办理事项</dt>
        <dd>{data.itemName}</dd>
        <dt>办理部门</dt>
        <dd>{data.departmentName}</dd>
        <dt>办件编号</dt>
        <dd style={{ overflowWrap: 'anywhere' }}>{data.caseNo}</dd>
        <dt>申请人</dt>
        <dd>{data.applicantName}</dd>
        <dt>服务时间</dt>
        <dd>{when(data.eventAt)}</dd>
      </dl>
      <Flex vertical gap={8}>
        <RatingPrompt
          testId="link-rate-form"
          rating={data.rating}
          onRate={async (a) => {
            await post<RatingView>(path, a);
            await reload();
          }}
          onAmend={async (_id, a) => {
            await put<RatingView>(path, a);
            await reload();
          }}
        />
        {data.rating ? <p style={{ margin: 0 }}>感谢您的评价！</p> : null}
      </Flex>
    </Card>
  );
}
