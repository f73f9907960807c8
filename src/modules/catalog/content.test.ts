import { describe, expect, it } from 'vitest';
import { basicCode, implementationCode } from './codes.ts';
import { diffElements, levelChanges, resolveContent } from './content.ts';
import { type GuideContent, limitProblems } from './schema.ts';
import { cityContent, readSeedItems } from './seed-content.ts';

const [first] = readSeedItems();
const base = (): GuideContent => {
  if (!first) throw new Error('no seed');
  return cityContent(first, { places: [], phones: { consult: '0376-1', complaint: '12345' } });
};

describe('guide content rules', () => {
  it('applies a level’s overrides and leaves every other element to the parent', () => {
    const resolved = resolveContent(base(), { promisedLimitDays: 0, localNotes: '本县说明' });
    expect(resolved.localNotes).toBe('本县说明');
    expect(resolved.conditions).toEqual(base().conditions);
    expect(levelChanges(base(), { localNotes: '本县说明', phones: base().phones })).toEqual([
      { element: 'localNotes', change: 'changed', before: '', after: '本县说明' },
    ]);
  });

  it('diffs element by element: changed, added and removed', () => {
    const after = { ...base(), visitsNeeded: 2 } as Record<string, unknown>;
    delete after.faq;
    after.extra = 1;
    expect(diffElements(base(), after).map((c) => [c.element, c.change])).toEqual([
      ['visitsNeeded', 'changed'],
      ['faq', 'removed'],
      ['extra', 'added'],
    ]);
  });

  it('keeps promised within legal, and an instant item at 0 or nothing', () => {
    expect(limitProblems({ legalLimitDays: 10, promisedLimitDays: 11, isInstant: false })[0]?.path).toBe(
      'promisedLimitDays',
    );
    expect(limitProblems({ legalLimitDays: null, promisedLimitDays: 30, isInstant: false })).toEqual([]);
    expect(limitProblems({ legalLimitDays: 10, promisedLimitDays: 1, isInstant: true })).toHaveLength(1);
  });

  it('makes codes in the documented scheme, within 12 and 36 characters', () => {
    expect(basicCode('20', 192)).toBe('412010192000');
    const uscc = '11411500MB0000001X';
    expect(implementationCode(uscc, 'county', '410110001000')).toBe(`${uscc}4410110001000`);
    expect(implementationCode(uscc, 'township', '410110001000', '411502001')).toHaveLength(34);
  });
});
