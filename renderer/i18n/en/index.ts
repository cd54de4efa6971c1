import { base } from './base';
import { briefings } from './briefings';
import { calendar } from './calendar';
import { collab } from './collab';
import { clearance } from './clearance';
import { markdown } from './markdown';
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
import { settings } from './settings';
import { sync } from './sync';
import { records } from './records';
import { facts } from './facts';
import { packFacts } from './pack-facts';
import { layers } from './layers';
import { contacts } from './contacts';
import { packContacts } from './pack-contacts';

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
  ...sectors,
  ...lock,
  ...backupStream,
  ...markingGuard,
  ...companionGuard,
  ...pageError,
  ...delegationAnnotations,
  ...annotationShareErrors,
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
