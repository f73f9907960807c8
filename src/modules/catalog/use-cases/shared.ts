// What every catalog verb shares: who may do what, row → view mapping and loading with 404s.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { errors } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { CatalogDeps } from '../deps.ts';
import { catalogErrors } from '../errors.ts';
import type { GuideView, VersionState, VersionView } from '../schema.ts';
import * as store from '../store.ts';

export type Ref = Omit<GuideView, 'version'>;

export function requireStaff(ctx: RequestContext): Actor {
  if (!ctx.actor) throw errors.unauthenticated();
  if (ctx.actor.kind !== 'staff') throw errors.forbidden();
  return ctx.actor;
}

/** 部门管理员 of the department that implements it: the only one who edits it. */
export function requireOwner(ctx: RequestContext, impl: store.ImplementationRow): Actor {
  const actor = requireStaff(ctx);
  if (!actor.roles.includes('dept_admin')) throw errors.forbidden();
  if (actor.departmentId !== impl.department_id) {
    throw catalogErrors.notOwner('该事项由其他部门实施，只有实施部门的部门管理员可以编辑');
  }
  return actor;
}

/** 政务服务管理机构: reviews and publishes. */
export function requireOffice(ctx: RequestContext): Actor {
  const actor = requireStaff(ctx);
  if (!actor.roles.includes('office_admin')) throw errors.forbidden();
  return actor;
}

/** Drafts and history: the owning department's admin or the service office. */
export function requireViewer(ctx: RequestContext, impl: store.ImplementationRow): Actor {
  const actor = requireStaff(ctx);
  if (actor.roles.includes('office_admin')) return actor;
  return requireOwner(ctx, impl);
}

export async function loadImplementation(db: Executor, id: string) {
  const impl = await store.getImplementation(db, id);
  if (!impl) throw catalogErrors.implementationNotFound(`事项实施清单 ${id} 不存在`);
  return impl;
}

export async function loadVersion(db: Executor, id: string) {
  const version = await store.getVersion(db, id);
  if (!version) throw catalogErrors.versionNotFound(`事项版本 ${id} 不存在`);
  return { version, impl: await loadImplementation(db, version.implementation_id) };
}

export function requireState(version: store.VersionRow, allowed: VersionState[], verb: string): void {
  if (!allowed.includes(version.state)) {
    throw catalogErrors.wrongState(
      `版本 ${version.version_no} 处于“${STATE_LABELS[version.state]}”状态，不能${verb}`,
    );
  }
}

export const STATE_LABELS: Record<VersionState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '审核通过',
  rejected: '已退回',
  published: '已发布',
  superseded: '已被新版本取代',
  unpublished: '已撤销发布',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toVersionView = (r: store.VersionRow): VersionView => ({
  id: r.id,
  versionNo: r.version_no,
  state: r.state,
  content: r.content,
  overrides: r.overrides,
  parentVersionId: r.parent_version_id,
  createdAt: r.created_at.toISOString(),
  submittedAt: iso(r.submitted_at),
  reviewedAt: iso(r.reviewed_at),
  reviewNote: r.review_note,
  publishedAt: iso(r.published_at),
  endedAt: iso(r.ended_at),
  unpublishReason: r.unpublish_reason,
});

export const toVersionSummary = (r: store.VersionRow) => {
  const { content: _c, overrides: _o, ...summary } = toVersionView(r);
  return summary;
};

/** Department names by id, read once per call from org. */
export function departmentNames(deps: CatalogDeps, db: Executor = deps.db) {
  const cache = new Map<string, Promise<string>>();
  return (id: string): Promise<string> => {
    let name = cache.get(id);
    if (!name) {
      name = deps.org.getDepartment(id, db).then((d) => d?.name ?? '');
      cache.set(id, name);
    }
    return name;
  };
}

export async function toRef(
  impl: store.ImplementationWithItem,
  nameOf: (id: string) => Promise<string>,
): Promise<Ref> {
  return {
    implementationId: impl.id,
    itemId: impl.item_id,
    basicCode: impl.basic_code,
    code: impl.code,
    divisionCode: impl.division_code,
    level: impl.level,
    parentId: impl.parent_id,
    department: { id: impl.department_id, name: await nameOf(impl.department_id) },
  };
}
