// Pure rules on guide content: applying a level's overrides, element-by-element diffs, and the
// search document of a published version.
import { isDeepStrictEqual } from 'node:util';
import type { SearchDoc } from './deps.ts';
import {
  type ElementChange,
  GUIDE_ELEMENTS,
  type GuideContent,
  type ImplementationLevel,
  limitProblems,
  type Overrides,
} from './schema.ts';

/** A derived level's content: the parent's content with the level's own elements in place. */
export function resolveContent(parent: GuideContent, overrides: Overrides): GuideContent {
  const resolved: GuideContent = { ...parent };
  if (overrides.places !== undefined) resolved.places = overrides.places;
  if (overrides.phones !== undefined) resolved.phones = overrides.phones;
  if (overrides.promisedLimitDays !== undefined) resolved.promisedLimitDays = overrides.promisedLimitDays;
  if (overrides.localNotes !== undefined) resolved.localNotes = overrides.localNotes;
  return resolved;
}

/** The time-limit problems of a derived level's overrides against the parent content. */
export function overrideProblems(parent: GuideContent, overrides: Overrides) {
  if (overrides.promisedLimitDays === undefined) return [];
  return limitProblems(resolveContent(parent, overrides), 'overrides.');
}

type Elements = Partial<Record<string, unknown>>;

/** Element-by-element changes from `before` to `after`, in guide order then any extra keys. */
export function diffElements(before: Elements, after: Elements): ElementChange[] {
  const keys = [...GUIDE_ELEMENTS, ...Object.keys({ ...before, ...after })].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const changes: ElementChange[] = [];
  for (const element of keys) {
    const [had, has] = [before[element] !== undefined, after[element] !== undefined];
    if (!had && !has) continue;
    if (!had) changes.push({ element, change: 'added', before: null, after: after[element] });
    else if (!has) changes.push({ element, change: 'removed', before: before[element], after: null });
    else if (!isDeepStrictEqual(before[element], after[element])) {
      changes.push({ element, change: 'changed', before: before[element], after: after[element] });
    }
  }
  return changes;
}

/** A level against its parent: each element it overrides, with the parent's value as "before". */
export function levelChanges(parent: GuideContent, overrides: Overrides): ElementChange[] {
  const own = overrides as Elements;
  const base = parent as Elements;
  return Object.keys(own)
    .filter((k) => own[k] !== undefined && !isDeepStrictEqual(own[k], base[k]))
    .map((element) => ({ element, change: 'changed' as const, before: base[element], after: own[element] }));
}

export function searchDoc(
  impl: {
    implementationId: string;
    versionId: string;
    itemId: string;
    divisionCode: string;
    level: ImplementationLevel;
    departmentId: string;
    departmentName: string;
  },
  c: GuideContent,
): SearchDoc {
  return {
    ...impl,
    name: c.name,
    itemType: c.itemType,
    serves: c.serves,
    themes: c.themes,
    keywords: c.keywords,
    onlineDepth: c.onlineDepth,
    isInstant: c.isInstant,
    conditions: c.conditions,
    materials: c.materials.map((m) => m.name),
    resultName: c.resultName,
    legalBasis: c.legalBasis,
  };
}
