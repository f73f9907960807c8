// Stable error codes of the Excel import and export, each with its zh-CN title.
import { defineError } from '../../../platform/errors.ts';

export const excelErrors = {
  /** the report lists every problem as {path: '事项.5.承诺办结时限', sheet, row, column, message} */
  invalid: defineError('CATALOG_IMPORT_INVALID', 422, '导入文件有错误，未导入任何内容'),
  notXlsx: defineError('CATALOG_IMPORT_NOT_XLSX', 400, '文件不是有效的 Excel（.xlsx）工作簿'),
  /** the upload is over IMPORT_LIMIT (upload.ts); refused before or while reading it */
  tooLarge: defineError('CATALOG_IMPORT_TOO_LARGE', 413, '导入文件过大，未导入任何内容'),
  /** a zip bomb or an archive that lies about its sizes (zip-guard.ts); refused before parsing */
  unsafeArchive: defineError(
    'CATALOG_IMPORT_UNSAFE_ARCHIVE',
    422,
    '文件解压后过大或压缩比异常，未导入任何内容',
  ),
  departmentRequired: defineError('CATALOG_EXPORT_DEPARTMENT_REQUIRED', 400, '请指定要导出的部门'),
  departmentNotFound: defineError('CATALOG_DEPARTMENT_NOT_FOUND', 404, '部门不存在'),
};
