// The wizard's step indicator (Ant Design Steps on wider screens, "第 2 步，共 4 步" on phones) and the
// autosave status, announced politely to screen readers.
import { Grid, Steps } from 'antd';
import { when } from '../../common/catalog.ts';
import type { SaveState } from './useAutosave.ts';

export const STEPS = ['填写申请表', '上传材料', '联系信息与送达方式', '确认提交'] as const;

/** The first step that shows one of the server's field messages (the review step when none does). */
export function stepOfProblems(fields: { path: string }[], hasMaterialProblem: boolean): number {
  const has = (re: RegExp) => fields.some((p) => re.test(p.path));
  if (has(/^body\.form\./)) return 0;
  if (hasMaterialProblem || has(/^body\.materials/)) return 1;
  if (has(/^body\.(contact|deliveryMethod)/)) return 2;
  return 3;
}

export function WizardSteps({ current }: { current: number }) {
  const screens = Grid.useBreakpoint();
  if (!(screens.sm ?? true)) {
    return (
      <div data-testid="wizard-step" aria-live="polite" style={{ fontWeight: 600 }}>
        第 {current + 1} 步，共 {STEPS.length} 步：{STEPS[current]}
      </div>
    );
  }
  return (
    <>
      <Steps size="small" current={current} items={STEPS.map((title) => ({ title }))} />
      <div className="sr-only" data-testid="wizard-step" aria-live="polite">
        第 {current + 1} 步，共 {STEPS.length} 步：{STEPS[current]}
      </div>
    </>
  );
}

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '填写内容会自动保存为草稿，可在其他设备上继续填写',
  saving: '正在保存草稿…',
  saved: '草稿已自动保存',
  failed: '草稿保存失败，稍后将重试',
};

export function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: string | null }) {
  return (
    <div
      role="status"
      data-testid="save-status"
      style={{ marginTop: 10, fontSize: 13, color: state === 'failed' ? '#a8071a' : 'rgba(0, 0, 0, 0.65)' }}
    >
      {SAVE_TEXT[state]}
      {state === 'saved' && savedAt ? `（${when(savedAt).slice(11)}）` : ''}
    </div>
  );
}
