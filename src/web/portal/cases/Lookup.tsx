// 办件查询 (/lookup, public): the progress of a case by its number and the applicant's name — masked
// name, state, deadline and the steps so far; nothing personal beyond that.
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, problemForForm, query } from '../../api.ts';
import { RemainingTag } from '../../common/CaseClock.tsx';
import { type PublicCase, STATE_TONE } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';

type Values = { caseNo: string; name: string };

function Progress({ found }: { found: PublicCase }) {
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="lookup-result">
      <Flex justify="space-between" wrap gap={8} align="center">
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {found.itemName}
        </Typography.Title>
        <StatusTag tone={STATE_TONE[found.state]}>{found.stateLabel}</StatusTag>
      </Flex>
      <dl className="kv" style={{ marginTop: 8 }}>
        <dt>办件编号</dt>
        <dd>{found.caseNo}</dd>
        <dt>受理部门</dt>
        <dd>{found.departmentName}</dd>
        <dt>申请人</dt>
        <dd>{found.applicantNameMasked}</dd>
        <dt>提交时间</dt>
        <dd>{when(found.submittedAt)}</dd>
        <dt>承诺期限</dt>
        <dd>{found.promisedDueOn ?? '受理后确定'}</dd>
      </dl>
      <div style={{ margin: '8px 0 12px' }}>
        <RemainingTag remainingDays={found.remainingDays} isOverdue={(found.remainingDays ?? 0) < 0} />
      </div>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        办理过程
      </Typography.Title>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {found.timeline.map((e) => (
          <li key={`${e.at}-${e.actionLabel}`}>
            {when(e.at)} · {e.actionLabel}（{e.stateLabel}）
          </li>
        ))}
      </ol>
    </Card>
  );
}

export default function Lookup() {
  const [form] = Form.useForm<Values>();
  // the QR code on a notice opens /lookup?caseNo=…: the number is filled in, the name is still asked
  const [params] = useSearchParams();
  const [found, setFound] = useState<PublicCase | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  async function search(values: Values) {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound(
        await get<PublicCase>(
          `/api/cases/lookup${query({ caseNo: values.caseNo.trim(), name: values.name.trim() })}`,
        ),
      );
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          办件查询
        </Typography.Title>
        <p style={{ marginTop: 0 }}>输入办件编号和申请人姓名（企业申请填写企业名称），查询办理进度。</p>
        <ProblemAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={search}
          initialValues={{ caseNo: params.get('caseNo')?.slice(0, 50) ?? '' }}
          style={{ maxWidth: 520 }}
        >
          <Form.Item
            name="caseNo"
            label="办件编号"
            rules={[{ required: true, whitespace: true, message: '请输入办件编号' }]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label="申请人姓名"
            rules={[{ required: true, whitespace: true, message: '请输入申请人姓名' }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="lookup-submit">
            查询
          </Button>
        </Form>
      </Card>
      {found ? <Progress found={found} /> : null}
    </Flex>
  );
}
