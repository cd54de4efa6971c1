import { base } from './base';
import { briefings } from './briefings';

/**
 * The English catalog, the reference every other language is checked against. Each feature
 * keeps its strings in a file of its own here, merged below.
 */
export const en = {
  ...base,
  ...briefings,
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
