// Turning the editor form into the PUT body: a city draft sends its whole content; a county or
// township sends overrides — the elements it overrode before plus any it now changes.
import {
  type GuideContent,
  limitProblems,
  OVERRIDABLE,
  type Overrides,
} from '../../../modules/catalog/schema.ts';
import type { GuideView } from '../../common/catalog.ts';

export type EditorValues = Pick<
  GuideContent,
  'promisedLimitDays' | 'conditions' | 'materials' | 'places' | 'phones' | 'faq' | 'localNotes'
>;

export function valuesOf(content: GuideContent): EditorValues {
  const { promisedLimitDays, conditions, materials, places, phones, faq, localNotes } = content;
  return structuredClone({ promisedLimitDays, conditions, materials, places, phones, faq, localNotes });
}

const clean = (values: EditorValues): EditorValues => ({
  ...values,
  promisedLimitDays: values.promisedLimitDays ?? null,
  localNotes: values.localNotes ?? '',
  places: (values.places ?? []).map((p) => ({
    ...p,
    windows: p.windows ?? [],
    address: p.address ?? '',
    hours: p.hours ?? '',
  })),
  materials: (values.materials ?? []).map((m) => ({
    ...m,
    licenseType: m.licenseType || null,
    note: m.note ?? '',
  })),
  phones: { consult: values.phones?.consult ?? '', complaint: values.phones?.complaint ?? '' },
});

export type DraftBody = { content: GuideContent } | { overrides: Overrides };

export function draftBody(guide: GuideView, raw: EditorValues): DraftBody {
  const values = clean(raw);
  const content = guide.version.content;
  if (guide.level === 'city') return { content: { ...content, ...values } };
  const before = guide.version.overrides ?? {};
  const overrides: Record<string, unknown> = {};
  for (const key of OVERRIDABLE) {
    const isChanged = JSON.stringify(values[key]) !== JSON.stringify(content[key]);
    if (key in before || isChanged) overrides[key] = values[key];
  }
  return { overrides: overrides as Overrides };
}

/** The promised-limit rule as the server applies it, so the form says it first. */
export function limitMessage(guide: GuideView, promised: number | null): string | null {
  const c = guide.version.content;
  return (
    limitProblems({
      legalLimitDays: c.legalLimitDays,
      promisedLimitDays: promised,
      isInstant: c.isInstant,
    })[0]?.message ?? null
  );
}
