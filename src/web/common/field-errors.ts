// Server field messages on nested form fields: a problem at "body.contact.phone" lands on the field named
// ['contact', 'phone'], "body.form.summary" on ['form', 'summary'] — the longest registered name that
// starts the path wins. What matches no field is returned for the form-level alert.
import type { FormInstance } from 'antd';
import { ApiError, type FieldProblem } from '../api.ts';

type NamePath = (string | number)[];

const segmentsOf = (path: string): string[] => path.replace(/^body\./, '').split('.');

export function applyNestedErrors(form: FormInstance, problems: FieldProblem[]): FieldProblem[] {
  const names: NamePath[] = form
    .getFieldsError()
    .map((f) => (Array.isArray(f.name) ? f.name : [f.name]) as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldProblem[] = [];
  for (const problem of problems) {
    const segments = segmentsOf(problem.path);
    const match = names
      .filter((n) => n.length <= segments.length && n.every((part, i) => String(part) === segments[i]))
      .sort((a, b) => b.length - a.length)[0];
    if (!match) {
      unmatched.push(problem);
      continue;
    }
    const key = match.join('.');
    const entry = byField.get(key) ?? { name: match, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

/** The field problems of an error (none for other errors). */
export const fieldProblemsOf = (error: unknown): FieldProblem[] =>
  error instanceof ApiError ? error.fieldErrors : [];

/** Material problems by material name: "body.materials.2.fileIds" → the name sent at index 2. */
export function materialProblems(problems: FieldProblem[], sentNames: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    const m = /^body\.materials\.(\d+)/.exec(p.path);
    const name = m ? sentNames[Number(m[1])] : undefined;
    if (name) out.set(name, p.message);
  }
  return out;
}

/**
 * Spreads a failed request's field messages: onto the form's fields, onto the materials sent (by the
 * names in `sentMaterials`), and what is left into the error to show above the form.
 */
export function spreadProblems(
  form: FormInstance,
  error: unknown,
  sentMaterials: string[] = [],
): { shown: unknown; materials: Map<string, string> } {
  const rest = applyNestedErrors(form, fieldProblemsOf(error));
  const materials = materialProblems(rest, sentMaterials);
  const left = rest.filter((p) => !(sentMaterials.length && /^body\.materials\.\d/.test(p.path)));
  return { shown: error instanceof ApiError ? error.withFieldErrors(left) : error, materials };
}

/** True when a submission was refused for good (4xx but 409): its Idempotency-Key is done with. A lost
 * answer, a 5xx or one still in flight (409) is retried with the same key. */
export const isFinalRefusal = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409;
