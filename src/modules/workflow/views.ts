// Rows to response shapes.
import type { TaskView } from './schema.ts';
import type { TaskWithSubject } from './store.ts';

export function toTaskView(row: TaskWithSubject): TaskView {
  return {
    id: row.id,
    subjectId: row.subject_id,
    caseNo: row.subject.caseNo,
    title: row.subject.title,
    applicantName: row.subject.applicantName,
    stepKey: row.step_key,
    stepName: row.step_name,
    role: row.role,
    isDecision: row.is_decision,
    slot: row.slot,
    signers: row.signers,
    state: row.state,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    action: row.action,
    opinion: row.opinion,
    dueOn: row.due_on,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
