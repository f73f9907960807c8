// 登记 / 修改信息资源 (/workbench/sharing/new, …/resources/:id/edit): the GB/T 21063 metadata and the data
// items with their quality rules. The server checks everything again (400 lists each problem).
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { post, problemForForm, put } from '../../api.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import {
  ATTRIBUTE_LABEL,
  CYCLE_LABEL,
  FORMATS,
  METHOD_LABEL,
  OPEN_LABEL,
  type ResourceInput,
  type ResourceView,
  resourcePath,
  SENSITIVITY_LABEL,
  SHARE_LABEL,
  STANDARD_XIANG,
  TYPE_LABEL,
} from './sharing.ts';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
type ItemValues = ResourceInput['items'][number];
type Values = Omit<ResourceInput, 'relatedCodes' | 'quality'> & { relatedCodes?: string[] };

const blank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
/** Drops empty optional values so the server's strict schema sees only what was filled. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => !blank(v))) as T;
}

function toInput(v: Values, quality: ResourceInput['quality']): ResourceInput {
  return {
    ...clean(v),
    classification: {
      attribute: v.classification.attribute,
      xiang: clean(v.classification.xiang),
      mu: v.classification.mu,
      ...(v.classification.ximu?.code ? { ximu: v.classification.ximu } : {}),
    },
    relatedCodes: v.relatedCodes ?? [],
    items: v.items.map((i: ItemValues) => clean({ ...i, rules: clean(i.rules ?? {}) })),
    quality,
  } as ResourceInput;
}

function fromView(r: ResourceView): Values {
  const c = r.classification;
  return {
    name: r.name,
    summary: r.summary,
    classification: {
      attribute: c.attribute,
      xiang: { code: c.xiang.code, name: c.xiang.name },
      mu: c.mu,
      ...(c.ximu ? { ximu: c.ximu } : {}),
    },
    format: r.format as Values['format'],
    shareType: r.shareType,
    shareConditions: r.shareConditions ?? undefined,
    shareBasis: r.shareBasis ?? undefined,
    shareMethod: r.shareMethod as Values['shareMethod'],
    openType: r.openType,
    openConditions: r.openConditions ?? undefined,
    updateCycle: r.updateCycle,
    relatedCodes: r.relatedCodes,
    items: r.items,
  };
}

function ItemCard({ index, onRemove }: { index: number; onRemove: () => void }) {
  return (
    <Card
      size="small"
      title={`信息项 ${index + 1}`}
      extra={
        <Button type="link" danger onClick={onRemove}>
          删除
        </Button>
      }
      style={{ marginBottom: 12 }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} md={6}>
          <Form.Item name={[index, 'name']} label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item
            name={[index, 'key']}
            label="英文名"
            rules={[
              {
                required: true,
                pattern: /^[a-z][a-z0-9_]{0,39}$/,
                message: '小写字母开头，字母、数字、下划线',
              },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'type']} label="数据类型" rules={[{ required: true, message: '请选择' }]}>
            <Select options={options(TYPE_LABEL)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'length']} label="长度">
            <InputNumber min={1} max={4000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'sensitivity']} label="敏感级别" initialValue="general">
            <Select options={options(SENSITIVITY_LABEL)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'rules', 'check']} label="国家标准校验">
            <Select
              allowClear
              options={[
                { value: 'uscc', label: '统一社会信用代码' },
                { value: 'id-number', label: '身份证号' },
                { value: 'phone', label: '手机号' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'rules', 'codes']} label="代码表（可选值）">
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'rules', 'pattern']} label="格式（正则表达式）">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'description']} label="说明">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'isRequired']} valuePropName="checked">
            <Checkbox>必填</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'rules', 'isUnique']} valuePropName="checked">
            <Checkbox>值唯一</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export default function ResourceForm() {
  const { id } = useParams();
  const isEdit = !!id;
  useTitle(isEdit ? '修改信息资源' : '登记信息资源');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const existing = useLoad<ResourceView>(id ? `/api/sharing/resources/${id}` : null);
  const attribute = Form.useWatch(['classification', 'attribute'], form);
  const shareType = Form.useWatch('shareType', form);
  const openType = Form.useWatch('openType', form);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(fromView(existing.data));
  }, [existing.data, form]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      // every value, also the rules this form has no field for (range, reference), so an edit keeps them
      const input = toInput(form.getFieldsValue(true) as Values, existing.data?.quality ?? {});
      const saved = id
        ? await put<ResourceView>(`/api/sharing/resources/${id}`, input)
        : await post<ResourceView>('/api/sharing/resources', input);
      navigate(resourcePath(saved.id));
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setSaving(false);
    }
  }

  const standard = attribute === 'basic' || attribute === 'theme' ? STANDARD_XIANG[attribute] : null;
  return (
    <PageCard title={isEdit ? '修改信息资源' : '登记信息资源'}>
      <ProblemAlert error={error ?? existing.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          classification: { attribute: 'department' },
          shareType: 'conditional',
          shareMethod: 'platform',
          openType: 'none',
          updateCycle: 'monthly',
          format: '电子表格',
          items: [{ sensitivity: 'general' }],
        }}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="资源名称" rules={[{ required: true, message: '请填写资源名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="format" label="资源格式" rules={[{ required: true }]}>
              <Select options={FORMATS.map((f) => ({ value: f, label: f }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="summary" label="摘要" rules={[{ required: true, message: '请填写摘要' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['classification', 'attribute']}
              label="资源属性（类）"
              rules={[{ required: true }]}
            >
              <Select options={options(ATTRIBUTE_LABEL)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['classification', 'xiang', 'code']}
              label="项（2 位）"
              rules={[{ required: true, pattern: /^\d{2}$/, message: '2 位数字' }]}
            >
              {standard ? (
                <Select
                  options={Object.entries(standard).map(([value, label]) => ({
                    value,
                    label: `${value} ${label}`,
                  }))}
                />
              ) : (
                <Input maxLength={2} />
              )}
            </Form.Item>
          </Col>
          {standard ? null : (
            <Col xs={12} md={6}>
              <Form.Item
                name={['classification', 'xiang', 'name']}
                label="项名称"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item
              name={['classification', 'mu', 'code']}
              label="目（3 位）"
              rules={[{ required: true, pattern: /^\d{3}$/, message: '3 位数字' }]}
            >
              <Input maxLength={3} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['classification', 'mu', 'name']}
              label="目名称"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="shareType" label="共享类型" rules={[{ required: true }]}>
              <Select options={options(SHARE_LABEL)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="shareMethod" label="共享方式" rules={[{ required: true }]}>
              <Select options={options(METHOD_LABEL)} />
            </Form.Item>
          </Col>
          {shareType === 'conditional' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="shareConditions"
                label="共享条件"
                rules={[{ required: true, message: '有条件共享须写明共享条件' }]}
              >
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          ) : null}
          {shareType === 'none' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="shareBasis"
                label="不予共享依据"
                rules={[{ required: true, message: '须写明法律、行政法规或政策依据' }]}
              >
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={6}>
            <Form.Item name="openType" label="开放属性" rules={[{ required: true }]}>
              <Select options={options(OPEN_LABEL)} />
            </Form.Item>
          </Col>
          {openType === 'conditional' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="openConditions"
                label="开放条件"
                rules={[{ required: true, message: '请写明开放条件' }]}
              >
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={6}>
            <Form.Item name="updateCycle" label="更新周期" rules={[{ required: true }]}>
              <Select options={options(CYCLE_LABEL)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="relatedCodes" label="关联资源代码">
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <ItemCard key={f.key} index={f.name} onRemove={() => remove(f.name)} />
              ))}
              <Button
                onClick={() => add({ sensitivity: 'general' })}
                style={{ marginBottom: 16 }}
                data-testid="add-item"
              >
                添加信息项
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="save-resource">
            保存草稿
          </Button>
        </div>
      </Form>
    </PageCard>
  );
}
