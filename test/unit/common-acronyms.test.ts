import { describe, expect, it } from 'vitest';
import list from '../../shared/pack/acronyms/common-acronyms.json';
import { commonAcronymDefinitions, CommonAcronymList } from '../../shared/pack/acronyms/common-acronyms';

describe('the shipped list of common international acronyms', () => {
  it('validates: each acronym once, each with its English expansion', () => {
    expect(CommonAcronymList.safeParse(list).success).toBe(true);
    expect(commonAcronymDefinitions().length).toBe(list.length);
    expect(commonAcronymDefinitions().find((d) => d.acronym === 'UNFCCC')?.expansion.en).toBe('United Nations Framework Convention on Climate Change');
  });

  it('refuses a list with a duplicate, a missing English expansion or something that is not an acronym', () => {
    const entry = { acronym: 'UN', kind: 'un-body', expansion: { en: 'United Nations' } };
    expect(CommonAcronymList.safeParse([entry, entry]).success).toBe(false);
    expect(CommonAcronymList.safeParse([{ ...entry, expansion: { ms: 'Pertubuhan Bangsa-Bangsa Bersatu' } }]).success).toBe(false);
    expect(CommonAcronymList.safeParse([{ ...entry, acronym: 'united nations' }]).success).toBe(false);
    expect(CommonAcronymList.safeParse([{ ...entry, kind: 'other' }]).success).toBe(false);
  });

  it('has English expansions that hold the acronym\'s letters in order (a check against typing slips)', () => {
    for (const e of list) {
      const initials = e.expansion.en.toUpperCase();
      let at = 0;
      for (const letter of e.acronym.replace(/[^A-Z]/g, '')) {
        const found = initials.indexOf(letter, at);
        expect(found, `${e.acronym}: ${e.expansion.en}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });
});
