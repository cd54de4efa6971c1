import type { Catalog } from '../en/index';
import { idCore } from './core';
import { collab } from './collab';
import { clearance } from './clearance';
import { lock } from './lock';
import { backupStream } from './backup-stream';
import { markingGuard } from './marking-guard';
import { companionGuard } from './companion-guard';
import { pageError } from './page-error';
import { delegationAnnotations } from './delegation-annotations';
import { annotationShareErrors } from './annotation-share-errors';
import { packs } from './packs';
import { relay } from './relay';
import { sharing } from './sharing';
import { held } from './held';
import { workspace } from './workspace';
import { papers } from './papers';
import { search } from './search';
import { sectors } from './sectors';
import { sync } from './sync';
import { records } from './records';
import { facts } from './facts';
import { packFacts } from './pack-facts';
import { layers } from './layers';
import { contacts } from './contacts';
import { packContacts } from './pack-contacts';

/** Bahasa Indonesia: one file per feature, merged here like the English catalog. */
export const id = {
  ...idCore,
  ...packs,
  ...sync,
  ...relay,
  ...sharing,
  ...held,
  ...workspace,
  ...collab,
  ...clearance,
  ...papers,
  ...records,
  ...facts,
  ...packFacts,
  ...layers,
  ...contacts,
  ...packContacts,
  ...search,
  ...sectors,
  ...lock,
  ...backupStream,
  ...markingGuard,
  ...companionGuard,
  ...pageError,
  ...delegationAnnotations,
  ...annotationShareErrors,
} as const satisfies Partial<Catalog>;
