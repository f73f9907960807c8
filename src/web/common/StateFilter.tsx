// 办件状态 as a labelled select: 全部 or one state (the lists of my cases and of the department's).
import { Flex, Select } from 'antd';
import { useId } from 'react';
import { CASE_STATES, type CaseState, STATE_LABEL } from './cases.ts';

export function StateFilter({
  value,
  onChange,
}: {
  value: CaseState | undefined;
  onChange: (state: CaseState | undefined) => void;
}) {
  const id = useId();
  return (
    <Flex gap={8} align="center">
      <label htmlFor={id}>办件状态</label>
      <Select
        id={id}
        value={value ?? ''}
        onChange={(v: CaseState | '') => onChange(v || undefined)}
        options={[
          { value: '', label: '全部' },
          ...CASE_STATES.map((s) => ({ value: s, label: STATE_LABEL[s] })),
        ]}
        style={{ width: 150 }}
        data-testid="state-filter"
      />
    </Flex>
  );
}
