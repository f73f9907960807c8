// Import of a department's implementation list from .xlsx (issue 3 item 4): the archive is checked for
// zip bombs first (zip-guard.ts), then every row with the API's content rules and against the
// database; when any row is bad nothing is written and the report names every problem. Otherwise each implementation whose content differs from its published version
// gets its open draft replaced (or a new one) and submitted for review — one transaction, audited.
import { isDeepStrictEqual } from 'node:util';
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { errors } from '../../../platform/errors.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { diffElements, resolveContent } from '../content.ts';
import type { CatalogDeps } from '../deps.ts';
import { GUIDE_ELEMENTS, type GuideContent, OVERRIDABLE, type Overrides } from '../schema.ts';
import * as store from '../store.ts';
import { requireStaff } from '../use-cases/shared.ts';
import { ITEM_COLUMNS, ITEMS_SHEET, MATERIALS_SHEET } from './columns.ts';
import { excelErrors } from './errors.ts';
import { LEVEL_LABELS } from './export.ts';
import { type ParsedItem, parseWorkbook, type RowProblem } from './parse.ts';
import { findByCodes, type ListedImplementation } from './store.ts';
import { readWorkbook } from './workbook.ts';
import { inspectZip } from './zip-guard.ts';

export type ImportSummary = {
  rows: number;
  changed: number;
  unchanged: number;
  submitted: Array<{
    implementationId: string;
    code: string;
    name: string;
    versionId: string;
    versionNo: number;
    elements: string[];
  }>;
};

/** What one good row will write: the resolved content and, for a derived level, its overrides. */
type Plan = {
  item: ParsedItem;
  impl: ListedImplementation & { version_id: string; content: GuideContent };
  content: GuideContent;
  overrides: Overrides | null;
  parentVersionId: string | null;
};

const REPORT_LIMIT = 1000;
const OPEN_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;

function requireImporter(ctx: RequestContext): Actor & { departmentId: string } {
  const actor = requireStaff(ctx);
  if (!actor.roles.includes('dept_admin') || !actor.departmentId) throw errors.forbidden();
  return { ...actor, departmentId: actor.departmentId };
}

export async function importList(
  deps: CatalogDeps,
  ctx: RequestContext,
  bytes: Buffer,
): Promise<ImportSummary> {
  const actor = requireImporter(ctx);
  const archive = await inspectZip(bytes);
  if (!archive.isSafe) {
    throw archive.reason === 'not-zip'
      ? excelErrors.notXlsx(archive.detail)
      : excelErrors.unsafeArchive(`${archive.detail}，已拒绝导入`);
  }
  const sheets = await readWorkbook(bytes);
  if (!sheets) throw excelErrors.notXlsx('无法读取上传的文件，请上传由本系统导出的 .xlsx 文件');
  const { items, problems } = parseWorkbook(sheets);
  if (items.length === 0 && problems.length === 0) {
    problems.push({ sheet: ITEMS_SHEET, row: 2, column: '', message: '“事项”表没有数据行' });
  }
  // org reads happen before the transaction opens (org's list has no transaction parameter)
  const own = (await deps.org.getDepartment(actor.departmentId))?.name ?? '';
  const names = items.some((i) => i.identity.department !== own)
    ? new Set((await deps.org.listDepartments()).map((d) => d.name))
    : new Set([own]);
  return deps.db.transaction().execute(async (tx) => {
    const plans = await check(tx, { ...actor, own, names }, items, problems);
    if (problems.length > 0) throw report(problems);
    return write(deps, tx, ctx, actor, plans, items.length);
  });
}

function report(problems: RowProblem[]) {
  const listed = problems.slice(0, REPORT_LIMIT).map((p) => ({
    path: [p.sheet, p.row, p.column].filter((x) => x !== '').join('.'),
    ...p,
  }));
  const more = problems.length > REPORT_LIMIT ? `，仅列出前 ${REPORT_LIMIT} 处` : '';
  return excelErrors.invalid(`共 ${problems.length} 处问题${more}，未导入任何内容`, listed);
}

/** The database checks of every row; returns the plan of each row that passed all of them. */
async function check(
  tx: Executor,
  actor: Actor & { departmentId: string; own: string; names: Set<string> },
  items: ParsedItem[],
  problems: RowProblem[],
): Promise<Plan[]> {
  const known = await findByCodes(
    tx,
    items.map((i) => i.code),
  );
  const plans: Plan[] = [];
  for (const item of items) {
    const at = (column: string, message: string) =>
      problems.push({ sheet: ITEMS_SHEET, row: item.row, column, message });
    const department = item.identity.department;
    if (department !== actor.own) {
      at(
        '实施部门',
        actor.names.has(department) ? `“${department}”不是您所在的部门` : `未知的部门“${department}”`,
      );
    }
    const impl = known.get(item.code);
    if (!impl) {
      at('实施编码', `未知的实施编码 ${item.code}（导入只能修订已有的实施清单）`);
      continue;
    }
    if (impl.department_id !== actor.departmentId) {
      at('实施编码', `实施编码 ${item.code} 由其他部门实施，只能导入本部门的实施清单`);
      continue;
    }
    const expected = {
      基本编码: [item.identity.basicCode, impl.basic_code],
      行政区划代码: [item.identity.division, impl.division_code],
      实施层级: [item.identity.level, LEVEL_LABELS[impl.level]],
    };
    for (const [column, [given, actual]] of Object.entries(expected)) {
      if (given !== actual) at(column, `与实施编码不符，应为“${actual}”（此列不可修改）`);
    }
    if (!impl.version_id || !impl.content) {
      at('实施编码', '该事项当前没有已发布的版本，不能通过导入修订');
      continue;
    }
    if (!item.content) continue;
    const published = { ...impl, version_id: impl.version_id, content: impl.content };
    const plan = impl.parent_id
      ? await planDerived(tx, item, published, item.content, problems)
      : { item, impl: published, content: item.content, overrides: null, parentVersionId: null };
    if (plan) plans.push(plan);
  }
  return plans;
}

/**
 * A county or township row: only its own elements may differ from the city's published content;
 * its new overrides are the old ones plus every local element the file changed.
 */
async function planDerived(
  tx: Executor,
  item: ParsedItem,
  impl: Plan['impl'],
  next: GuideContent,
  problems: RowProblem[],
): Promise<Plan | null> {
  const parent = await store.findVersion(tx, impl.parent_id ?? '', ['published']);
  if (!parent) {
    problems.push({ sheet: ITEMS_SHEET, row: item.row, column: '实施编码', message: '市级事项未发布' });
    return null;
  }
  const local: readonly string[] = OVERRIDABLE;
  let isBad = false;
  for (const element of GUIDE_ELEMENTS) {
    if (local.includes(element) || isDeepStrictEqual(parent.content[element], next[element])) continue;
    isBad = true;
    const message = `县级、乡级实施清单只能修改办理地点、电话、承诺办结时限和本地说明，此项随市级（${element}）`;
    if (element === 'materials') {
      const row = item.materialRows[0] ?? item.row;
      problems.push({
        sheet: item.materialRows[0] ? MATERIALS_SHEET : ITEMS_SHEET,
        row,
        column: '材料名称',
        message,
      });
      continue;
    }
    const column = ITEM_COLUMNS.find((c) => c.path === element || c.path.startsWith(`${element}.`));
    problems.push({ sheet: ITEMS_SHEET, row: item.row, column: column?.header ?? element, message });
  }
  if (isBad) return null;
  const overrides: Overrides = { ...(impl.overrides ?? {}) };
  const bag = overrides as Record<string, unknown>;
  for (const element of OVERRIDABLE) {
    if (!isDeepStrictEqual(impl.content[element], next[element])) bag[element] = next[element];
  }
  return {
    item,
    impl,
    content: resolveContent(parent.content, overrides),
    overrides,
    parentVersionId: parent.id,
  };
}

async function write(
  deps: CatalogDeps,
  tx: Executor,
  ctx: RequestContext,
  actor: Actor,
  plans: Plan[],
  rows: number,
): Promise<ImportSummary> {
  const summary: ImportSummary = { rows, changed: 0, unchanged: 0, submitted: [] };
  const now = deps.clock.now();
  for (const plan of plans) {
    const changes = diffElements(plan.impl.content, plan.content);
    if (changes.length === 0) {
      summary.unchanged++;
      continue;
    }
    await store.lockImplementation(tx, plan.impl.id);
    const fields = {
      content: plan.content,
      overrides: plan.overrides,
      parent_version_id: plan.parentVersionId,
      state: 'submitted' as const,
      submitted_at: now,
    };
    const open = await store.findVersion(tx, plan.impl.id, [...OPEN_STATES]);
    const version = open
      ? await store.updateVersion(tx, open.id, {
          ...fields,
          reviewed_by: null,
          reviewed_at: null,
          review_note: null,
        })
      : await store.insertVersion(tx, {
          ...fields,
          id: newId(),
          implementation_id: plan.impl.id,
          version_no: await store.nextVersionNo(tx, plan.impl.id),
          created_by: actor.accountId,
        });
    const audit = {
      implementationId: plan.impl.id,
      versionNo: version.version_no,
      source: 'excel',
      replacedState: open?.state ?? null,
    };
    await deps.audit.record(tx, ctx, {
      action: 'catalog.draft.submitted',
      subjectType: 'catalog_version',
      subjectId: version.id,
      summary: audit,
    });
    await emit(tx, 'catalog.draft.submitted', { versionId: version.id, ...audit });
    summary.changed++;
    summary.submitted.push({
      implementationId: plan.impl.id,
      code: plan.impl.code,
      name: plan.content.name,
      versionId: version.id,
      versionNo: version.version_no,
      elements: changes.map((c) => c.element),
    });
  }
  await deps.audit.record(tx, ctx, {
    action: 'catalog.list.imported',
    subjectType: 'catalog',
    summary: {
      departmentId: actor.departmentId,
      rows,
      changed: summary.changed,
      unchanged: summary.unchanged,
    },
  });
  return summary;
}
