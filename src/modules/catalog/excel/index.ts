// catalog/excel: the implementation list (实施清单) as an .xlsx workbook — export, and an import that
// validates every row and submits changed guides for review. Uses the catalog's own store and rules.
export { type ExportedFile, type ExportQuery, exportList } from './export.ts';
export { type ImportSummary, importList } from './import.ts';
export { registerExcelRoutes } from './routes.ts';
