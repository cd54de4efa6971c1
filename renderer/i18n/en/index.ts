import { base } from './base';

/**
 * The English catalog, the reference every other language is checked against. Each feature
 * keeps its strings in a file of its own here, merged below.
 */
export const en = {
  ...base,
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
