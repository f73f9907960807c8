// Workflow shapes: process definitions (the review steps after acceptance), task actions and the inbox.
// Pure zod, shared with the web front end.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** The roles that can own a review step. Acceptance (受理) itself is the window's act on the case. */
export const StepRole = z.enum(['reviewer', 'dept_head']);
export type StepRole = z.infer<typeof StepRole>;
export const STEP_ROLE_LABELS: Record<StepRole, string> = { reviewer: '审批人员', dept_head: '审批负责人' };

/** A step runs only when its condition holds: the applicant's kind, and/or one form field's value. */
export const StepCondition = z
  .object({
    applicantKind: z.enum(['citizen', 'enterprise']).optional(),
    field: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)
      .optional(),
    equals: z.string().max(100).optional(),
  })
  .strict()
  .refine((c) => (c.field === undefined) === (c.equals === undefined), {
    message: '表单字段条件需要同时填写字段名和取值',
  });
export type StepCondition = z.infer<typeof StepCondition>;

export const ProcessStep = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, '环节编码为小写字母开头的字母、数字或下划线'),
    name: Text(20),
    role: StepRole,
    /** 会签: the step completes when all N signers have passed it (N distinct people). */
    signers: z.int().min(1).max(9),
    /** working days the step may take from the day it starts */
    deadlineDays: z.int().min(0).max(60),
    /** the decision step (决定): actions approve/deny instead of pass/return; always the last step */
    isDecision: z.boolean(),
    condition: StepCondition.nullable(),
  })
  .strict();
export type ProcessStep = z.infer<typeof ProcessStep>;

export const ProcessDefinition = z
  .object({ steps: z.array(ProcessStep).min(1).max(12) })
  .strict()
  .superRefine((def, ctx) => {
    const keys = new Set<string>();
    def.steps.forEach((step, i) => {
      if (keys.has(step.key))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: '环节编码重复' });
      keys.add(step.key);
      const isLast = i === def.steps.length - 1;
      if (step.isDecision !== isLast) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'isDecision'],
          message: '决定环节有且只有一个，且必须是最后一个环节',
        });
      }
      if (step.isDecision && (step.signers !== 1 || step.condition !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i],
          message: '决定环节由一人作出，且不能设条件',
        });
      }
    });
  });
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

export const ProcessView = z.object({
  implementationId: z.string(),
  departmentId: z.string(),
  isDefault: z.boolean(),
  revision: z.int(),
  definition: ProcessDefinition,
  updatedAt: z.string().nullable(),
});
export type ProcessView = z.infer<typeof ProcessView>;

// ── tasks ───────────────────────────────────────────────────────────────────────────────────────────

export const TaskAction = z.enum(['pass', 'return', 'approve', 'deny']);
export type TaskAction = z.infer<typeof TaskAction>;
export const TASK_ACTION_LABELS: Record<TaskAction, string> = {
  pass: '通过',
  return: '退回',
  approve: '准予许可',
  deny: '不予许可',
};
export const TaskState = z.enum(['open', 'claimed', 'done', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

export const ActBody = z.object({ action: TaskAction, opinion: Text(2000) }).strict();
export type ActInput = z.infer<typeof ActBody>;

export const TaskView = z.object({
  id: z.string(),
  subjectId: z.string(),
  caseNo: z.string(),
  title: z.string(),
  applicantName: z.string(),
  stepKey: z.string(),
  stepName: z.string(),
  role: StepRole,
  isDecision: z.boolean(),
  slot: z.int(),
  signers: z.int(),
  state: TaskState,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  action: TaskAction.nullable(),
  opinion: z.string().nullable(),
  dueOn: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const InboxBox = z.enum(['todo', 'mine', 'done']);
export type InboxBox = z.infer<typeof InboxBox>;
export const InboxQuery = z
  .object({
    box: InboxBox.default('todo'),
    q: z.string().trim().max(50).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type InboxQuery = z.infer<typeof InboxQuery>;
export const InboxView = z.object({
  items: z.array(TaskView),
  total: z.int(),
  counts: z.object({ todo: z.int(), mine: z.int(), done: z.int() }),
});
export type InboxView = z.infer<typeof InboxView>;

export const TaskIdParams = z.object({ id: z.uuid() }).strict();
export const ImplementationParams = z.object({ implementationId: z.uuid() }).strict();
export const ReassignBody = z.object({ staffId: z.uuid(), reason: Text(500) }).strict();

export const AssigneesQuery = z.object({ role: StepRole }).strict();
export const AssigneeView = z.object({ id: z.string(), name: z.string() });
export type AssigneeView = z.infer<typeof AssigneeView>;
export const AssigneeList = z.object({ items: z.array(AssigneeView) });
export type AssigneeList = z.infer<typeof AssigneeList>;
