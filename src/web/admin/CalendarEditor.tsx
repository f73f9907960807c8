// Holiday calendar (节假日与调休): the overrides of the Monday–Friday week for one year. Time limits
// count working days from this calendar, so an edit here moves every deadline computed afterwards.
import { Button, DatePicker, Form, Grid, Input, InputNumber, Popconfirm, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { del, problemForForm, put, query } from '../api.ts';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useLoad } from '../common/useLoad.ts';
import type { Calendar, CalendarDay } from './types.ts';

type Values = { day: Dayjs; kind: 'holiday' | 'workday'; name: string };
const KIND = { holiday: ['放假', 'danger'], workday: ['调休上班', 'info'] } as const;

export default function CalendarEditor() {
  const [year, setYear] = useState(dayjs().year());
  const { data, error, isLoading, reload } = useLoad<Calendar>(`/api/calendar${query({ year })}`);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const isWide = Grid.useBreakpoint().md ?? true;

  async function save(values: Values) {
    setBusy(true);
    setFormError(null);
    try {
      await put(`/api/admin/calendar/${values.day.format('YYYY-MM-DD')}`, {
        kind: values.kind,
        name: values.name ?? '',
      });
      if (values.day.year() !== year) setYear(values.day.year());
      else await reload();
      form.resetFields(['day', 'name']);
    } catch (e) {
      setFormError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(day: string) {
    setFormError(null);
    try {
      await del(`/api/admin/calendar/${day}`);
      await reload();
    } catch (e) {
      setFormError(e);
    }
  }

  return (
    <PageCard
      title="节假日日历"
      extra={
        <span>
          <label htmlFor="calendar-year">年份</label>{' '}
          <InputNumber
            id="calendar-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            aria-label="年份"
            data-testid="calendar-year"
          />
        </span>
      }
    >
      <ProblemAlert error={error ?? formError} />
      <Form
        form={form}
        layout={isWide ? 'inline' : 'vertical'}
        onFinish={save}
        initialValues={{ kind: 'holiday', name: '' }}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="calendar-form"
      >
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker data-testid="calendar-day" style={isWide ? undefined : { width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group
            options={[
              { value: 'holiday', label: '放假' },
              { value: 'workday', label: '调休上班' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="名称">
          <Input placeholder="如：国庆节" maxLength={50} data-testid="calendar-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} data-testid="calendar-save">
          保存
        </Button>
      </Form>
      <Table<CalendarDay>
        rowKey="day"
        size="small"
        loading={isLoading}
        dataSource={data?.days ?? []}
        pagination={false}
        locale={{ emptyText: '本年度暂无节假日调整' }}
        columns={[
          {
            title: '日期',
            dataIndex: 'day',
            render: (d: string) => (
              <time dateTime={d} style={{ whiteSpace: 'nowrap' }}>
                {dayjs(d).format('M月D日 ddd')}
              </time>
            ),
          },
          ...(isWide
            ? [
                {
                  title: '类型',
                  dataIndex: 'kind',
                  render: (k: CalendarDay['kind']) => <StatusTag tone={KIND[k][1]}>{KIND[k][0]}</StatusTag>,
                },
                { title: '名称', dataIndex: 'name' },
              ]
            : [
                {
                  title: '类型与名称',
                  render: (_: unknown, d: CalendarDay) => (
                    <>
                      <StatusTag tone={KIND[d.kind][1]}>{KIND[d.kind][0]}</StatusTag>
                      <div>{d.name}</div>
                    </>
                  ),
                },
              ]),
          {
            title: '操作',
            render: (_, d) => (
              <Popconfirm
                title="删除此日期的调整？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove(d.day)}
              >
                <Button size="small" danger data-testid={`calendar-delete-${d.day}`}>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
