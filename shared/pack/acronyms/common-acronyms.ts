import { z } from 'zod';
import { LocalizedText } from '../../model';
import type { AcronymDefinition } from '../acronym-glossary';
import list from './common-acronyms.json';

/*
 * Common international acronyms a pack may print that the dataset does not define: UN bodies
 * and conventions, dialogue partners and their agencies, ASEAN's pillars and sectoral bodies.
 * A reviewed list in its own file (common-acronyms.json), checked against this schema when it
 * is loaded and by a test; the dataset's own bodies and definitions come first in a glossary.
 */

export const COMMON_ACRONYM_KINDS = ['un-body', 'convention', 'partner', 'asean', 'general'] as const;

export const CommonAcronym = z.strictObject({
  acronym: z.string().regex(/^[A-Z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*$/, 'an acronym: capitals and digits, joined by - or +'),
  kind: z.enum(COMMON_ACRONYM_KINDS),
  expansion: LocalizedText.refine((t) => typeof t.en === 'string' && t.en.trim() !== '', 'every expansion has its English form'),
});
export type CommonAcronym = z.infer<typeof CommonAcronym>;

export const CommonAcronymList = z.array(CommonAcronym).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.acronym)) ctx.addIssue({ code: 'custom', path: [i, 'acronym'], message: `${e.acronym} is listed twice` });
    seen.add(e.acronym);
  });
});

/** The shipped list as glossary definitions (validated once, at first use). */
let definitions: AcronymDefinition[] | undefined;
export function commonAcronymDefinitions(): AcronymDefinition[] {
  definitions ??= CommonAcronymList.parse(list).map((e) => ({ acronym: e.acronym, expansion: e.expansion }));
  return definitions;
}
