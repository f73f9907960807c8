// The catalog editor (/workbench/catalog/:implementationId): the implementation's open draft (or a
// new one started from the published version, or from the newest one when it was unpublished) edited
// in a form, saved, and submitted for review. A never-published implementation opens on its draft.
import { Alert, Button, Flex, Form, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { post, problemForForm, put } from '../../api.ts';
import {
  type GuideView,
  type History,
  LEVEL_LABEL,
  STATE_LABEL,
  type VersionView,
} from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { draftBody, type EditorValues, limitMessage, valuesOf } from './draft.ts';
import { GuideFields } from './GuideFields.tsx';

const OPEN = new Set(['draft', 'rejected']);
const PENDING = new Set(['submitted', 'approved']);

export default function CatalogEditor() {
  const { implementationId = '' } = useParams();
  const history = useLoad<History>(`/api/admin/catalog/implementations/${implementationId}/history`);
  const versions = history.data?.versions ?? [];
  const open = versions.find((v) => OPEN.has(v.state));
  const pending = versions.find((v) => PENDING.has(v.state));
  const current = versions.find((v) => v.state === 'published');
  // nothing live nor in progress (unpublished): the newest version, to start a new draft from
  const shown = open ?? pending ?? current ?? versions[0];
  const guide = useLoad<GuideView>(shown ? `/api/admin/catalog/versions/${shown.id}` : null);
  const [form] = Form.useForm<EditorValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (guide.data) form.setFieldsValue(valuesOf(guide.data.version.content));
  }, [guide.data, form]);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await action();
      await history.reload();
      await guide.reload();
      setNotice(done);
    } catch (e) {
      // a form check that failed already shows on its field
      if (!(e && typeof e === 'object' && 'errorFields' in e)) setProblem(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }
  const save = async () => {
    if (!guide.data) return;
    await form.validateFields();
    return put<VersionView>(
      `/api/admin/catalog/versions/${guide.data.version.id}`,
      draftBody(guide.data, form.getFieldsValue(true)),
    );
  };

  const g = guide.data;
  const title = g ? `编辑：${g.version.content.name}` : '编辑事项';
  return (
    <PageCard
      title={title}
      extra={<Link to={`/workbench/catalog/${implementationId}/history`}>版本历史</Link>}
    >
      <ProblemAlert error={history.error ?? guide.error} />
      {history.data && versions.length === 0 ? (
        <Alert type="warning" showIcon title="该事项还没有任何版本，请联系政务服务管理机构。" />
      ) : !g ? (
        <Skeleton active />
      ) : (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <StatusTag tone="info">{LEVEL_LABEL[g.level]}</StatusTag>
            <span data-testid="editor-state">
              <StatusTag tone={g.version.state === 'rejected' ? 'danger' : 'neutral'}>
                第 {g.version.versionNo} 版 · {STATE_LABEL[g.version.state]}
              </StatusTag>
            </span>
            <span>{g.department.name}</span>
          </Flex>
          {g.version.state === 'rejected' && g.version.reviewNote ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="审核退回意见"
              description={g.version.reviewNote}
            />
          ) : null}
          {notice ? (
            <Alert
              type="success"
              showIcon
              role="status"
              style={{ marginBottom: 12 }}
              title={notice}
              data-testid="editor-notice"
            />
          ) : null}
          <ProblemAlert error={problem} />
          {!open ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                pending
                  ? `第 ${pending.versionNo} 版${STATE_LABEL[pending.state]}，审核完成前不能再修改。`
                  : current
                    ? '当前显示现行发布版本。'
                    : `该事项已撤销发布，当前显示第 ${g.version.versionNo} 版。修订后可重新提交审核。`
              }
              action={
                pending ? null : (
                  <Button
                    type="primary"
                    loading={isBusy}
                    data-testid="start-draft"
                    onClick={() =>
                      run(
                        () => post(`/api/admin/catalog/implementations/${implementationId}/drafts`),
                        '已创建修订草稿',
                      )
                    }
                  >
                    开始修订
                  </Button>
                )
              }
            />
          ) : null}
          <Form form={form} layout="vertical" disabled={!open || isBusy}>
            <GuideFields
              isCity={g.level === 'city'}
              legalLimit={g.version.content.legalLimitDays}
              limitCheck={(v) => limitMessage(g, v)}
            />
          </Form>
          {open ? (
            <Space wrap>
              <Button loading={isBusy} data-testid="save-draft" onClick={() => run(save, '草稿已保存')}>
                保存草稿
              </Button>
              <Button
                type="primary"
                loading={isBusy}
                data-testid="submit-draft"
                onClick={() =>
                  run(async () => {
                    await save();
                    await post(`/api/admin/catalog/versions/${g.version.id}/submit`);
                  }, '已提交政务服务管理机构审核')
                }
              >
                保存并提交审核
              </Button>
            </Space>
          ) : null}
        </>
      )}
    </PageCard>
  );
}
