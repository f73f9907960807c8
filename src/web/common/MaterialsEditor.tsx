// The material list of an item with the files given for each: a required mark, the item's notes and a
// file picker — or, where the guide names an e-license type and the applicant holds one, a choice of
// that license instead of files (免提交; choosing it authorises the department to use it, 用证授权).
// The state is by material name; `toMaterialInputs` turns it into the request's materials.
import { Select, Typography } from 'antd';
import type { FileView, ItemFormMaterial, MaterialInput } from './cases.ts';
import { FilePicker } from './FilePicker.tsx';
import { StatusTag } from './StatusTag.tsx';

export type MaterialEntry = { files: FileView[]; licenseRef: string | null };
export type MaterialsValue = Record<string, MaterialEntry>;

export const emptyEntry: MaterialEntry = { files: [], licenseRef: null };

/** The materials with something given, as the server takes them (in the item's order). */
export function toMaterialInputs(materials: ItemFormMaterial[], value: MaterialsValue): MaterialInput[] {
  return materials
    .map((m) => ({ name: m.name, entry: value[m.name] ?? emptyEntry }))
    .filter(({ entry }) => entry.files.length > 0 || entry.licenseRef)
    .map(({ name, entry }) => ({
      name,
      fileIds: entry.files.map((f) => f.id),
      licenseRef: entry.licenseRef || null,
    }));
}

/** The required materials nothing was given for. */
export function missingMaterials(materials: ItemFormMaterial[], value: MaterialsValue): string[] {
  return materials
    .filter((m) => m.isRequired)
    .filter((m) => {
      const entry = value[m.name] ?? emptyEntry;
      return entry.files.length === 0 && !entry.licenseRef;
    })
    .map((m) => m.name);
}

export function MaterialsEditor({
  materials,
  value,
  onChange,
  problems,
  licenseOptions = {},
}: {
  materials: ItemFormMaterial[];
  value: MaterialsValue;
  /** a change to the latest value (uploads of several materials may finish in any order) */
  onChange: (update: (previous: MaterialsValue) => MaterialsValue) => void;
  /** messages by material name (the server's, or "missing" from the browser) */
  problems: Map<string, string>;
  /** held usable licenses by type name (the portal's wizard; a window clerk scans paper instead) */
  licenseOptions?: Record<string, Array<{ id: string; label: string }>>;
}) {
  const change = (name: string, update: (entry: MaterialEntry) => MaterialEntry) =>
    onChange((previous) => ({ ...previous, [name]: update(previous[name] ?? emptyEntry) }));
  return (
    <ol
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'grid',
        gap: 12,
        // a long choice (an e-license's full name) must not widen the list past a phone's screen
        gridTemplateColumns: 'minmax(0, 1fr)',
      }}
    >
      {materials.map((m, i) => {
        const entry = value[m.name] ?? emptyEntry;
        return (
          <li
            key={m.name}
            data-testid={`material-${i}`}
            style={{ border: '1px solid #e3e8ef', borderRadius: 8, padding: '10px 12px', background: '#fff' }}
          >
            <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              {i + 1}. {m.name}{' '}
              {m.isRequired ? (
                <StatusTag tone="danger">必需</StatusTag>
              ) : (
                <StatusTag tone="neutral">按需提供</StatusTag>
              )}
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px', fontSize: 13 }}>
              {m.form} · {m.copies} 份{m.note ? ` · ${m.note}` : ''}
            </Typography.Paragraph>
            {m.licenseType && licenseOptions[m.licenseType]?.length ? (
              <LicenseChoice
                material={m.name}
                options={licenseOptions[m.licenseType] ?? []}
                value={entry.licenseRef}
                onChange={(licenseRef) => change(m.name, (e) => ({ ...e, licenseRef, files: [] }))}
                testId={`material-license-${i}`}
              />
            ) : null}
            {entry.licenseRef ? null : (
              <FilePicker
                label={m.name}
                files={entry.files}
                onAdd={(added) => change(m.name, (e) => ({ ...e, files: [...e.files, ...added] }))}
                onRemove={(id) =>
                  change(m.name, (e) => ({ ...e, files: e.files.filter((f) => f.id !== id) }))
                }
                error={problems.get(m.name)}
                testId={`material-files-${i}`}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function LicenseChoice({
  material,
  options,
  value,
  onChange,
  testId,
}: {
  material: string;
  options: Array<{ id: string; label: string }>;
  value: string | null;
  onChange: (licenseRef: string | null) => void;
  testId: string;
}) {
  return (
    <div style={{ marginBottom: 8 }} data-testid={testId}>
      <Select<string>
        aria-label={`${material}：选用电子证照`}
        style={{ width: '100%' }}
        value={value ?? ''}
        onChange={(id) => onChange(id || null)}
        options={[
          { value: '', label: '不使用电子证照，上传文件' },
          ...options.map((o) => ({ value: o.id, label: `使用电子证照：${o.label}` })),
        ]}
      />
      {value ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
          免提交：{options.find((o) => o.id === value)?.label ?? '已选用的电子证照'}
          。提交申请即授权受理部门在办理本件期间查验和使用该电子证照（用证授权）。
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
