// The 一件事 application as the wizard shows it: the members taken (the required ones and the optional
// ones ticked), their forms merged (every field once, required when any taken member requires it — the
// server merges and checks again) and the merged materials, each required when a taken member requires it.
import type { FormSchema, ItemForm } from '../../common/cases.ts';
import type { BundleGuide, BundleMember } from '../../common/catalog.ts';

/** Members that can be applied for in the guide's division (the server skips the others). */
export const availableMembers = (guide: BundleGuide): BundleMember[] =>
  guide.members.filter((m) => m.implementation !== null);

export function takenMembers(guide: BundleGuide, optionalItemIds: string[]): BundleMember[] {
  return availableMembers(guide).filter((m) => m.isRequired || optionalItemIds.includes(m.itemId));
}

export function mergeForms(title: string, forms: FormSchema[]): FormSchema {
  const merged: FormSchema = {
    type: 'object',
    title,
    properties: {},
    required: [],
    additionalProperties: false,
  };
  for (const form of forms) {
    Object.assign(merged.properties, form.properties);
    for (const field of form.required) if (!merged.required.includes(field)) merged.required.push(field);
  }
  return merged;
}

/**
 * The bundle as one item for the wizard's steps: the merged form of the taken members and the merged
 * materials any of them needs. `forms` holds each member's form by implementation id.
 */
export function bundleItemForm(
  guide: BundleGuide,
  forms: Map<string, ItemForm>,
  optionalItemIds: string[],
): ItemForm {
  const taken = takenMembers(guide, optionalItemIds);
  const takenIds = new Set(taken.map((m) => m.itemId));
  const memberForms = taken.flatMap((m) => {
    const form = m.implementation ? forms.get(m.implementation.id) : undefined;
    return form ? [form.formSchema] : [];
  });
  const departments = [
    ...new Set(taken.flatMap((m) => (m.implementation ? [m.implementation.department.name] : []))),
  ];
  return {
    implementationId: guide.id,
    versionId: guide.id,
    itemName: guide.name,
    departmentName: departments.join('、'),
    isInstant: false,
    promisedLimitDays: guide.promisedLimitDays,
    serves: [],
    formSchema: mergeForms(guide.name, memberForms),
    materials: guide.materials
      .filter((m) => m.neededBy.some((n) => takenIds.has(n.itemId)))
      .map((m) => ({
        name: m.name,
        isRequired: m.neededBy.some((n) => takenIds.has(n.itemId) && n.isRequired),
        form: m.form,
        copies: m.copies,
        licenseType: m.licenseType,
        note: [...m.qualifiers, ...m.notes].join('；'),
      })),
  };
}
