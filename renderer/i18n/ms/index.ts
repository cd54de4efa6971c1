import type { Catalog } from '../en/index';
import { msCore } from './core';
import { packs } from './packs';
import { sync } from './sync';
import { records } from './records';

/** Bahasa Melayu: one file per feature, merged here like the English catalog. */
export const ms = {
  ...msCore,
  ...packs,
  ...sync,
  ...records,
} as const satisfies Partial<Catalog>;
