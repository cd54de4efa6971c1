import type { Catalog } from '../en/index';
import { msCore } from './core';
import { lock } from './lock';
import { packs } from './packs';
import { sync } from './sync';

/** Bahasa Melayu: one file per feature, merged here like the English catalog. */
export const ms = {
  ...msCore,
  ...packs,
  ...sync,
  ...lock,
} as const satisfies Partial<Catalog>;
