// A tag whose text keeps 4.5:1 contrast (WCAG AA) on its tint; Ant Design's preset tag colours are
// lighter than that.
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'danger' | 'info' | 'warning' | 'neutral';

const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  neutral: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag variant="outlined" style={TONES[tone]}>
      {children}
    </Tag>
  );
}
