// Filing a "one thing" bundle (一件事): one merged form and material list; a parent case and one sub-case
// per member item, each running in parallel (并联审批) in its own department. The parent follows its
// children: it is under review once any child is accepted and concludes when every child has ended.
import type { RequestContext } from '../../../platform/context.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { caseNumber, subCaseNumber } from '../case-number.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { formProblems } from '../form.ts';
import type { FormSchema } from '../form-schema.ts';
import type { BundleSubmitInput, FormData, MaterialInput } from '../schema.ts';
import * as store from '../store.ts';
import { actorIn } from './common.ts';
import { type FiledCase, fileOnce, onlineApplicant } from './file.ts';
import { type Applicant, basisOf, type CaseBasis, insertCase, materialProblems } from './submit.ts';

type BundleGuide = Awaited<ReturnType<CasesDeps['catalog']['bundles']['guide']>>;
type Member = { itemId: string; name: string; basis: CaseBasis; form: FormData; materials: MaterialInput[] };

/** The union of the members' forms: every field once, required when any member requires it. */
export function mergeForms(name: string, forms: FormSchema[]): FormSchema {
  const merged: FormSchema = {
    type: 'object',
    title: name,
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

/** Each member's own materials: a merged material's files under the name that member uses for it. */
function memberMaterials(guide: BundleGuide, itemId: string, provided: MaterialInput[]): MaterialInput[] {
  return provided.flatMap((m) => {
    const merged = guide.materials.find((x) => x.name === m.name);
    const need = merged?.neededBy.find((n) => n.itemId === itemId);
    return need ? [{ ...m, name: need.materialName }] : [];
  });
}

async function prepareBundle(deps: CasesDeps, input: BundleSubmitInput) {
  const guide = await deps.catalog.bundles.guide(input.bundleId, input.division);
  const chosen = guide.members.filter(
    (m) => m.implementation && (m.isRequired || input.optionalItemIds.includes(m.itemId)),
  );
  const problems: FieldProblem[] = [];
  for (const [i, m] of input.materials.entries()) {
    if (!guide.materials.some((x) => x.name === m.name)) {
      problems.push({ path: `body.materials.${i}.name`, message: `“${m.name}”不是该一件事的申请材料` });
    }
  }
  const members: Member[] = [];
  for (const m of chosen) {
    const memberGuide = await deps.catalog.getGuide(m.implementation?.id ?? '');
    const basis = basisOf(memberGuide);
    const materials = memberMaterials(guide, m.itemId, input.materials);
    // each member sees the fields of its own form from the merged one
    const form = Object.fromEntries(
      Object.entries(input.form).filter(([k]) => k in basis.formSchema.properties),
    );
    const own = [...formProblems(basis.formSchema, form), ...materialProblems(memberGuide, materials)];
    for (const p of own) problems.push({ path: p.path, message: `［${m.name}］${p.message}` });
    members.push({ itemId: m.itemId, name: m.name, basis, form, materials });
  }
  if (members.length < 2) problems.push({ path: 'body.bundleId', message: '该地区可办理的成员事项不足两项' });
  const mergedForm = mergeForms(
    guide.name,
    members.map((m) => m.basis.formSchema),
  );
  for (const p of formProblems(mergedForm, input.form)) {
    if (!problems.some((q) => q.path === p.path)) problems.push(p);
  }
  const unique = [...new Map(problems.map((p) => [p.message, p])).values()];
  if (unique.length > 0) throw caseErrors.formInvalid(`共有 ${unique.length} 处需要修改`, unique);
  const lead = members[0] as Member;
  const parent: CaseBasis = {
    implementationId: guide.id,
    versionId: guide.id,
    basicCode: guide.code,
    implementationCode: guide.code,
    itemName: guide.name,
    departmentId: lead.basis.departmentId,
    departmentName: lead.basis.departmentName,
    divisionCode: guide.division,
    isInstant: false,
    legalLimitDays: Math.max(...members.map((m) => m.basis.legalLimitDays ?? 0)),
    promisedLimitDays: guide.promisedLimitDays,
    formSchema: mergeForms(
      guide.name,
      members.map((m) => m.basis.formSchema),
    ),
    requiredMaterials: guide.materials.filter((m) => m.isRequired).map((m) => m.name),
    licenseTypes: {},
  };
  return { parent, members };
}

export function submitBundle(
  deps: CasesDeps,
  ctx: RequestContext,
  key: string,
  input: BundleSubmitInput,
): Promise<FiledCase> {
  const actor = actorIn(ctx);
  let applicant: Applicant | null = null;
  return fileOnce(
    deps,
    ctx,
    key,
    input,
    async () => {
      const prepared = await prepareBundle(deps, input);
      applicant = await onlineApplicant(deps, actor, prepared.parent.basicCode);
      return prepared;
    },
    async (tx, { parent, members }) => {
      if (!applicant) throw caseErrors.applicantInvalid();
      const caseNo = caseNumber(parent.divisionCode, deps.clock.now(), await store.nextSerial(tx));
      const common = { applicant, channel: 'online' as const, filedBy: actor };
      const { row: root } = await insertCase(deps, tx, ctx, {
        ...common,
        caseNo,
        basis: parent,
        bundleId: input.bundleId,
        input,
      });
      for (const [i, m] of members.entries()) {
        await insertCase(deps, tx, ctx, {
          ...common,
          caseNo: subCaseNumber(caseNo, i + 1),
          basis: m.basis,
          parentId: root.id,
          bundleId: input.bundleId,
          input: { ...input, form: m.form, materials: m.materials },
          notify: false,
        });
      }
      return root.id;
    },
  );
}
