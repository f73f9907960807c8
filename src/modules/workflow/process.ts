// Pure rules of a process definition: the default process of an item, which steps a case runs through
// (conditions), and how long each step may take.
import type { ProcessDefinition, ProcessStep, StepCondition } from './schema.ts';
import type { InstanceContext } from './store.ts';

/**
 * The default review after acceptance: 审查 by a reviewer, then 决定 by the head. A department admin
 * replaces it per implementation (e.g. adding a 会审 countersign step). Step deadlines split the promised
 * limit: the review takes what the decision does not.
 */
export function defaultProcess(promisedDays: number | null): ProcessDefinition {
  const total = Math.max(promisedDays ?? 0, 2);
  const decide = Math.max(1, Math.floor(total / 4));
  return {
    steps: [
      {
        key: 'review',
        name: '审查',
        role: 'reviewer',
        signers: 1,
        deadlineDays: total - decide,
        isDecision: false,
        condition: null,
      },
      {
        key: 'decide',
        name: '决定',
        role: 'dept_head',
        signers: 1,
        deadlineDays: decide,
        isDecision: true,
        condition: null,
      },
    ],
  };
}

export function conditionHolds(condition: StepCondition | null, context: InstanceContext): boolean {
  if (!condition) return true;
  if (condition.applicantKind && condition.applicantKind !== context.applicantKind) return false;
  if (condition.field !== undefined) {
    const value = context.form[condition.field];
    return value !== undefined && value !== null && String(value) === condition.equals;
  }
  return true;
}

/** The index of the next step after `from` whose condition holds (the decision step always does). */
export function nextStep(
  definition: ProcessDefinition,
  from: number,
  context: InstanceContext,
): number | null {
  for (let i = from + 1; i < definition.steps.length; i++) {
    const step = definition.steps[i] as ProcessStep;
    if (conditionHolds(step.condition, context)) return i;
  }
  return null;
}

/** The index of the step before `from` that this case ran through, or null at the first one. */
export function previousStep(
  definition: ProcessDefinition,
  from: number,
  context: InstanceContext,
): number | null {
  for (let i = from - 1; i >= 0; i--) {
    if (conditionHolds((definition.steps[i] as ProcessStep).condition, context)) return i;
  }
  return null;
}
