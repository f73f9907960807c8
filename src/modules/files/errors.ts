// Stable error codes of the files module, each with its zh-CN title.
import { defineError } from '../../platform/errors.ts';

export const filesErrors = {
  empty: defineError('FILES_EMPTY', 400, '文件为空'),
  typeNotAllowed: defineError('FILES_TYPE_NOT_ALLOWED', 415, '不支持的文件类型，仅支持 PDF、JPG、PNG、OFD'),
  notOctetStream: defineError('FILES_BODY_NOT_BINARY', 415, '请以 application/octet-stream 上传文件原始内容'),
  tooLarge: defineError('FILES_TOO_LARGE', 413, '文件超过大小上限'),
  incomplete: defineError('FILES_UPLOAD_INCOMPLETE', 400, '文件未完整上传'),
  notFound: defineError('FILES_NOT_FOUND', 404, '文件不存在'),
  linkExpired: defineError('FILES_LINK_EXPIRED', 403, '下载链接已过期，请重新打开'),
};
