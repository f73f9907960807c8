// The material list of an item with the files given for each: a required mark, the item's notes and a
// file picker. The state is by material name; `toMaterialInputs` turns it into the request's materials.
// (An e-license in place of a file is refused by the server until the licenses module can check it, so
// no licence number is asked for yet; a draft's licenseRef is kept as it is.)
import { Typography } from 'antd';
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
}: {
  materials: ItemFormMaterial[];
  value: MaterialsValue;
  /** a change to the latest value (uploads of several materials may finish in any order) */
  onChange: (update: (previous: MaterialsValue) => MaterialsValue) => void;
  /** messages by material name (the server's, or "missing" from the browser) */
  problems: Map<string, string>;
}) {
  const change = (name: string, update: (entry: MaterialEntry) => MaterialEntry) =>
    onChange((previous) => ({ ...previous, [name]: update(previous[name] ?? emptyEntry) }));
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
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
            <FilePicker
              label={m.name}
              files={entry.files}
              onAdd={(added) => change(m.name, (e) => ({ ...e, files: [...e.files, ...added] }))}
              onRemove={(id) => change(m.name, (e) => ({ ...e, files: e.files.filter((f) => f.id !== id) }))}
              error={problems.get(m.name)}
              testId={`material-files-${i}`}
            />
          </li>
        );
      })}
    </ol>
  );
}
