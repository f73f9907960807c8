// Opening the wizard: the item's form and materials, and, when resuming, the saved draft with the name and
// size of each file it holds (a file no longer there — collected after 24 h unclaimed — is left out).
import { get } from '../../api.ts';
import type { DraftView, FileView, ItemForm } from '../../common/cases.ts';
import type { MaterialsValue } from '../../common/MaterialsEditor.tsx';

export type Opened = { item: ItemForm; draft: DraftView | null; materials: MaterialsValue };

async function filesOf(ids: string[]): Promise<FileView[]> {
  const found = await Promise.all(ids.map((id) => get<FileView>(`/api/files/${id}/meta`).catch(() => null)));
  return found.filter((f): f is FileView => f !== null);
}

export async function openApplication(implementationId: string, draftId: string | null): Promise<Opened> {
  const [item, draft] = await Promise.all([
    get<ItemForm>(`/api/cases/forms/${implementationId}`),
    draftId ? get<DraftView>(`/api/cases/drafts/${draftId}`) : Promise.resolve(null),
  ]);
  const materials: MaterialsValue = {};
  for (const m of draft?.content.materials ?? []) {
    materials[m.name] = { files: await filesOf(m.fileIds), licenseRef: m.licenseRef };
  }
  return { item, draft, materials };
}
