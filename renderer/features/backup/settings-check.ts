import { z } from 'zod';
import { Language } from '../../../shared/model/primitives';

/*
 * The settings of a backup are checked before a restore writes anything: a setting of the
 * wrong type (a marking list that is a number) once broke the new-briefing page. Settings this
 * app reads are checked by key (or key prefix); keys it does not know are kept as they are
 * (a later feature's, never read here).
 */
const Marking = z.string().trim().min(1).max(100);
const BY_KEY: Record<string, z.ZodType> = {
  classifications: z.array(Marking).min(1).max(50).refine((list) => new Set(list).size === list.length, 'has a marking twice'),
  language: Language,
  recent: z.array(z.string().min(1).max(500)).max(50),
  'sync.feedUrl': z.string().max(2000),
  'sync.checkAtStart': z.boolean(),
};
const BY_PREFIX: [string, z.ZodType][] = [
  ['relay.waiting:', z.number().int().min(0)],
  // Their own readers check these in depth; here only their shape.
  ['relay.target:', z.object({}).passthrough()],
  ['sharing:', z.object({}).passthrough()],
  // A shared briefing's marking raised by a colleague and not storable here (renderer/collab/raised-markings.ts).
  ['marking.raised:', Marking],
];

export interface SettingProblem {
  key: string;
  issue: string;
}

/** The first setting that is not what the app expects, or undefined when every one is. */
export function settingsProblem(settings: readonly { key: string; value: unknown }[]): SettingProblem | undefined {
  const seen = new Set<string>();
  for (const { key, value } of settings) {
    if (seen.has(key)) return { key, issue: 'appears twice' };
    seen.add(key);
    const schema = Object.hasOwn(BY_KEY, key) ? BY_KEY[key] : BY_PREFIX.find(([prefix]) => key.startsWith(prefix))?.[1];
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { key, issue: parsed.error.issues[0]?.message ?? 'is not valid' };
  }
  return undefined;
}
