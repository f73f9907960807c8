// SQL for the workflow schema. Nothing else reads or writes these tables.
import type { Insertable, Selectable } from 'kysely';
import { type Executor, sql } from '../../platform/db/index.ts';
import type { InboxBox, ProcessDefinition, StepRole, TaskAction, TaskState } from './schema.ts';

type ProcessTable = {
  implementation_id: string;
  department_id: string;
  definition: ProcessDefinition;
  revision: number;
  updated_by: string | null;
  updated_at: Date;
};
export type InstanceContext = { applicantKind: 'citizen' | 'enterprise'; form: Record<string, unknown> };
export type InstanceSubject = { caseNo: string; title: string; applicantName: string };
type InstanceTable = {
  id: string;
  subject_id: string;
  department_id: string;
  definition: ProcessDefinition;
  context: InstanceContext;
  subject: InstanceSubject;
  step_index: number | null;
  round: number;
  state: 'running' | 'approved' | 'denied' | 'cancelled';
  created_at: Date;
  finished_at: Date | null;
};
type TaskTable = {
  id: string;
  instance_id: string;
  department_id: string;
  step_index: number;
  step_key: string;
  step_name: string;
  role: StepRole;
  slot: number;
  signers: number;
  round: number;
  state: TaskState;
  assignee_id: string | null;
  assignee_name: string | null;
  action: TaskAction | null;
  opinion: string | null;
  due_on: string;
  created_at: Date;
  claimed_at: Date | null;
  completed_at: Date | null;
};
type Tables = {
  'workflow.process': ProcessTable;
  'workflow.instance': InstanceTable;
  'workflow.task': TaskTable;
};
const q = (db: Executor) => db.withTables<Tables>();

export type ProcessRow = Selectable<ProcessTable>;
export type InstanceRow = Selectable<InstanceTable>;
export type TaskRow = Selectable<TaskTable>;
export type TaskWithSubject = TaskRow & {
  subject_id: string;
  subject: InstanceSubject;
  is_decision: boolean;
};

/** A jsonb value as the driver sends it: its JSON text (cast by PostgreSQL on insert). */
const json = <T>(value: T): T => JSON.stringify(value) as unknown as T;

// ── processes ──

export const findProcess = (db: Executor, implementationId: string) =>
  q(db)
    .selectFrom('workflow.process')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .executeTakeFirst();

export async function saveProcess(
  db: Executor,
  row: {
    implementation_id: string;
    department_id: string;
    definition: ProcessDefinition;
    updated_by: string;
    now: Date;
  },
): Promise<ProcessRow> {
  return q(db)
    .insertInto('workflow.process')
    .values({
      implementation_id: row.implementation_id,
      department_id: row.department_id,
      definition: json(row.definition),
      revision: 1,
      updated_by: row.updated_by,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.column('implementation_id').doUpdateSet({
        definition: json(row.definition),
        revision: sql`workflow.process.revision + 1`,
        updated_by: row.updated_by,
        updated_at: row.now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── instances ──

export async function insertInstance(db: Executor, row: Insertable<InstanceTable>): Promise<void> {
  await q(db)
    .insertInto('workflow.instance')
    .values({
      ...row,
      definition: json(row.definition),
      context: json(row.context),
      subject: json(row.subject),
    })
    .execute();
}

export const lockInstance = (db: Executor, id: string) =>
  q(db).selectFrom('workflow.instance').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const lockInstanceBySubject = (db: Executor, subjectId: string) =>
  q(db)
    .selectFrom('workflow.instance')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .forUpdate()
    .executeTakeFirst();

export const findInstanceBySubject = (db: Executor, subjectId: string) =>
  q(db).selectFrom('workflow.instance').selectAll().where('subject_id', '=', subjectId).executeTakeFirst();

export async function updateInstance(
  db: Executor,
  id: string,
  patch: Partial<Pick<InstanceRow, 'step_index' | 'round' | 'state' | 'finished_at'>>,
): Promise<void> {
  await q(db).updateTable('workflow.instance').set(patch).where('id', '=', id).execute();
}

// ── tasks ──

export async function insertTasks(db: Executor, rows: Insertable<TaskTable>[]): Promise<void> {
  if (rows.length > 0) await q(db).insertInto('workflow.task').values(rows).execute();
}

const withSubject = (db: Executor) =>
  q(db)
    .selectFrom('workflow.task as t')
    .innerJoin('workflow.instance as i', 'i.id', 't.instance_id')
    .selectAll('t')
    .select([
      'i.subject_id',
      'i.subject',
      sql<boolean>`(i.definition->'steps'->t.step_index->>'isDecision')::boolean`.as('is_decision'),
    ]);

export const findTask = (db: Executor, id: string): Promise<TaskWithSubject | undefined> =>
  withSubject(db).where('t.id', '=', id).executeTakeFirst();

export const lockTask = (db: Executor, id: string) =>
  q(db).selectFrom('workflow.task').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function updateTask(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<
      TaskRow,
      'state' | 'assignee_id' | 'assignee_name' | 'action' | 'opinion' | 'claimed_at' | 'completed_at'
    >
  >,
): Promise<void> {
  await q(db).updateTable('workflow.task').set(patch).where('id', '=', id).execute();
}

/** The tasks of one step in one round (the countersign slots). */
export const stepTasks = (db: Executor, instanceId: string, round: number, stepIndex: number) =>
  q(db)
    .selectFrom('workflow.task')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('round', '=', round)
    .where('step_index', '=', stepIndex)
    .orderBy('slot')
    .execute();

export async function cancelOpenTasks(db: Executor, instanceId: string, now: Date): Promise<void> {
  await q(db)
    .updateTable('workflow.task')
    .set({ state: 'cancelled', completed_at: now })
    .where('instance_id', '=', instanceId)
    .where('state', 'in', ['open', 'claimed'])
    .execute();
}

export const tasksOfSubject = (db: Executor, subjectId: string): Promise<TaskWithSubject[]> =>
  withSubject(db).where('i.subject_id', '=', subjectId).orderBy('t.created_at').orderBy('t.slot').execute();

export type InboxScope = { accountId: string; departmentId: string; roles: StepRole[] };

/** todo: open tasks of my department and roles · mine: claimed by me · done: completed by me ·
 * department: every open or claimed task of the department (the admin's reassignment view). */
export type Box = InboxBox | 'department';

function inBox(db: Executor, scope: InboxScope, box: Box, text?: string) {
  let query = withSubject(db);
  if (box === 'department') {
    query = query
      .where('t.department_id', '=', scope.departmentId)
      .where('t.state', 'in', ['open', 'claimed']);
  } else if (box === 'todo') {
    query = query
      .where('t.department_id', '=', scope.departmentId)
      .where('t.role', 'in', scope.roles.length > 0 ? scope.roles : ['-' as StepRole])
      .where('t.state', '=', 'open')
      // a countersigner does not see the other slots of a step they already signed
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('workflow.task as s')
              .select('s.id')
              .whereRef('s.instance_id', '=', 't.instance_id')
              .whereRef('s.round', '=', 't.round')
              .whereRef('s.step_index', '=', 't.step_index')
              .where('s.assignee_id', '=', scope.accountId),
          ),
        ),
      );
  } else if (box === 'mine') {
    query = query.where('t.assignee_id', '=', scope.accountId).where('t.state', '=', 'claimed');
  } else {
    query = query.where('t.assignee_id', '=', scope.accountId).where('t.state', '=', 'done');
  }
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`i.subject->>'caseNo'`, 'like', like), eb(sql`i.subject->>'title'`, 'like', like)]),
    );
  }
  return query;
}

export async function inbox(
  db: Executor,
  scope: InboxScope,
  options: { box: Box; text?: string; limit: number; offset: number },
): Promise<{ rows: TaskWithSubject[]; total: number }> {
  const base = inBox(db, scope, options.box, options.text);
  const rows = await base
    .orderBy(options.box === 'done' ? 't.completed_at' : 't.due_on', options.box === 'done' ? 'desc' : 'asc')
    .orderBy('t.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const total = await countBox(db, scope, options.box, options.text);
  return { rows, total };
}

export async function countBox(db: Executor, scope: InboxScope, box: Box, text?: string): Promise<number> {
  const row = await inBox(db, scope, box, text)
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
