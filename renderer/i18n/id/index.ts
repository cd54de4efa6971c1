import type { Catalog } from '../en/index';
import { idCore } from './core';
import { lock } from './lock';
import { packs } from './packs';
import { sync } from './sync';

/** Bahasa Indonesia: one file per feature, merged here like the English catalog. */
export const id = {
  ...idCore,
  ...packs,
  ...sync,
  ...lock,
} as const satisfies Partial<Catalog>;
