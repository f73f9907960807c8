// Stable error codes of the sharing module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const sharingErrors = {
  resourceNotFound: defineError('SHARING_RESOURCE_NOT_FOUND', 404, '信息资源不存在'),
  loadNotFound: defineError('SHARING_LOAD_NOT_FOUND', 404, '挂接记录不存在'),
  badMetadata: defineError('SHARING_BAD_METADATA', 400, '信息资源元数据不符合要求'),
  wrongState: defineError('SHARING_WRONG_STATE', 409, '信息资源当前状态不允许此操作'),
  noDepartment: defineError('SHARING_NO_DEPARTMENT', 403, '账号未归属部门，不能编目'),
  storedItemChanged: defineError(
    'SHARING_STORED_ITEM_CHANGED',
    409,
    '已挂接数据的信息项不能更改类型或敏感级别',
  ),
  notMountable: defineError('SHARING_NOT_MOUNTABLE', 409, '信息资源尚未发布，不能挂接数据'),
  badUpload: defineError('SHARING_BAD_UPLOAD', 400, '上传文件不符合要求'),
  tooLarge: defineError('SHARING_UPLOAD_TOO_LARGE', 413, '上传文件过大'),
  baseResource: defineError('SHARING_BASE_RESOURCE', 409, '该资源由基础库同步维护，不能手工挂接'),
};
