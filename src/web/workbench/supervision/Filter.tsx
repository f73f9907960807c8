// A labelled select for the console's filters ("全部" first); the label is a real <label> for axe and
// screen readers, and the select never grows past a phone's width.
import { Flex, Select } from 'antd';
import { useId } from 'react';

export function Filter<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  width,
  allLabel = '全部',
}: {
  label: string;
  value: V | undefined;
  options: { value: V; label: string }[];
  onChange: (v: V | undefined) => void;
  testId: string;
  width: number;
  /** null: no "全部" option */
  allLabel?: string | null;
}) {
  const id = useId();
  return (
    <Flex gap={8} align="center">
      <label htmlFor={id} style={{ flex: 'none' }}>
        {label}
      </label>
      <Select<V | ''>
        id={id}
        value={value ?? ''}
        onChange={(v) => onChange(v || undefined)}
        options={allLabel === null ? options : [{ value: '', label: allLabel }, ...options]}
        showSearch={options.length > 8 ? { optionFilterProp: 'label' } : false}
        style={{ width, maxWidth: 'calc(100vw - 140px)' }}
        data-testid={testId}
      />
    </Flex>
  );
}
