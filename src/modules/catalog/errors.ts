// Stable error codes of the catalog module, each with its zh-CN title.
import { defineError } from '../../platform/errors.ts';

export const catalogErrors = {
  implementationNotFound: defineError('CATALOG_IMPLEMENTATION_NOT_FOUND', 404, '事项实施清单不存在'),
  versionNotFound: defineError('CATALOG_VERSION_NOT_FOUND', 404, '事项版本不存在'),
  itemNotFound: defineError('CATALOG_ITEM_NOT_FOUND', 404, '事项不存在'),
  notPublished: defineError('CATALOG_NOT_PUBLISHED', 404, '该事项在此地区未发布'),
  notOwner: defineError('CATALOG_NOT_OWNER', 403, '只有实施部门的部门管理员可以编辑该事项'),
  draftExists: defineError('CATALOG_DRAFT_EXISTS', 409, '该事项已有未完成的修订'),
  wrongState: defineError('CATALOG_WRONG_STATE', 409, '事项版本的状态不允许此操作'),
  notApproved: defineError('CATALOG_NOT_APPROVED', 409, '事项版本未经审核通过，不能发布'),
  wrongDraftKind: defineError('CATALOG_WRONG_DRAFT_KIND', 400, '修订内容与实施层级不符'),
  limitRule: defineError('CATALOG_LIMIT_RULE', 400, '承诺办结时限不符合规定'),
  derivedConflict: defineError('CATALOG_DERIVED_CONFLICT', 409, '下级实施清单与新的法定时限冲突'),
  differentImplementations: defineError('CATALOG_DIFF_SCOPE', 400, '只能比较同一实施清单的版本'),
  notDerived: defineError('CATALOG_NOT_DERIVED', 400, '市级实施清单没有上级'),
};
