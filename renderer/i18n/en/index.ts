import { base } from './base';
import { briefings } from './briefings';
import { calendar } from './calendar';
import { markdown } from './markdown';
import { lock } from './lock';
import { packs } from './packs';
import { search } from './search';
import { settings } from './settings';
import { sync } from './sync';

/**
 * The English catalog, the reference every other language is checked against. Each feature
 * keeps its strings in a file of its own here, merged below.
 */
export const en = {
  ...base,
  ...briefings,
  ...search,
  ...calendar,
  ...settings,
  ...markdown,
  ...packs,
  ...sync,
  ...lock,
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
