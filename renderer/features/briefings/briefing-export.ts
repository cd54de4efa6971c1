import * as Y from 'yjs';
import {
  BRIEFING_FILE_FORMAT,
  BRIEFING_FILE_VERSION,
  asCopy,
  briefingDifferences,
  hasDifferences,
  ownIds,
  readBriefingFile,
  type BriefingDifferences,
  type BriefingFile,
} from '../../../shared/briefing/file-format';
import { Briefing, Section, type DatasetReview } from '../../../shared/briefing/model';
import { base64ToUpdate, hasBriefing, readBriefingDoc, updateToBase64 } from '../../../shared/collab/briefing-doc';
import { updateBriefingDoc } from '../../../shared/collab/briefing-doc-changes';
import { changeBriefingDoc, loadBriefingDoc, storeNewBriefing } from '../../collab/briefing-docs';
import { docStateOf } from '../../collab/doc-log';
import { db } from '../../db/db';
import { refuseStoringMarking } from '../lock/marking-guard';
import type { StoredSection } from '../../db/schema';
import { loadBriefing, newId } from './repo';
import { exportCompanions, importCompanions, readCompanions, type Companions } from './briefing-companions-transfer';

const strip = (s: StoredSection): Section => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

/** One briefing as a versioned JSON file for a colleague: its document state, the rows it projects to, its comments and clearance. */
export async function exportBriefing(id: string): Promise<{ fileName: string; text: string }> {
  const doc = await loadBriefingDoc(id);
  const state = await docStateOf(id);
  const rows = await loadBriefing(id);
  if (!doc || !state || !rows) throw new Error('This briefing no longer exists.');
  const flags = new Map(rows.sections.map((s) => [s.id, s.datasetReview]));
  const content = readBriefingDoc(doc);
  doc.destroy();
  const companions = await exportCompanions(id);
  const file: BriefingFile = {
    format: BRIEFING_FILE_FORMAT,
    formatVersion: BRIEFING_FILE_VERSION,
    appVersion: __APP_VERSION__,
    exportedAt: new Date().toISOString(),
    briefing: content.briefing,
    sections: content.sections.map((s) => (flags.get(s.id) ? { ...s, datasetReview: flags.get(s.id) } : s)),
    doc: updateToBase64(state),
    ...(companions ? { companions } : {}),
  };
  return { fileName: `${content.briefing.title}.briefing.json`, text: JSON.stringify(file, null, 2) };
}

/** What an import would write: the briefing with ids of its own, and its document state when the file has one that can be kept. */
export interface IncomingBriefing {
  briefing: Briefing;
  sections: Section[];
  state?: Uint8Array;
  /** Its comments and control document (assignments, clearances), merged into this briefing's own on import. */
  companions?: Companions;
}

export type ImportCheck =
  | { kind: 'invalid'; message: string }
  | { kind: 'new'; incoming: IncomingBriefing }
  | { kind: 'same'; incoming: IncomingBriefing }
  | { kind: 'conflict'; incoming: IncomingBriefing; existing: Briefing; differences: BriefingDifferences };

const DAMAGED_DOC = 'The briefing file’s document is damaged or incomplete; it was not imported.';

/** The file's content: from its document when it has one (checked like rows), else from its rows. */
function contentOf(file: BriefingFile): { ok: true; briefing: Briefing; sections: Section[]; state?: Uint8Array } | { ok: false; message: string } {
  if (file.doc === undefined) return { ok: true, briefing: file.briefing, sections: file.sections };
  let state: Uint8Array;
  const doc = new Y.Doc();
  try {
    state = base64ToUpdate(file.doc);
    Y.applyUpdate(doc, state);
  } catch {
    return { ok: false, message: DAMAGED_DOC };
  }
  const read = hasBriefing(doc) ? readBriefingDoc(doc) : undefined;
  doc.destroy();
  const briefing = read && Briefing.safeParse(read.briefing);
  if (!read || !briefing?.success || briefing.data.id !== file.briefing.id) return { ok: false, message: DAMAGED_DOC };
  const flags = new Map(file.sections.map((s) => [s.agendaItemId, s.datasetReview]));
  const sections: Section[] = [];
  for (const s of read.sections) {
    const parsed = Section.safeParse(s);
    if (!parsed.success || parsed.data.briefingId !== briefing.data.id) return { ok: false, message: DAMAGED_DOC };
    const flag = flags.get(s.agendaItemId);
    sections.push(flag ? { ...parsed.data, datasetReview: flag } : parsed.data);
  }
  return { ok: true, briefing: briefing.data, sections, state };
}

/** Reads a briefing file and says what importing it would do, changing nothing yet. */
export async function checkBriefingImport(text: string): Promise<ImportCheck> {
  const read = readBriefingFile(text);
  if (!read.ok) return { kind: 'invalid', message: read.message };
  const content = contentOf(read.value);
  if (!content.ok) return { kind: 'invalid', message: content.message };
  const own = ownIds(content);
  if (!own.ok) return { kind: 'invalid', message: own.message };
  // A document whose sections had ids of another briefing cannot be kept as it is: it is rebuilt from its content.
  const companions = await readCompanions(read.value, own.value.briefing.id);
  if (!companions.ok) return { kind: 'invalid', message: companions.message };
  const incoming: IncomingBriefing = { briefing: own.value.briefing, sections: own.value.sections, state: own.value.renamed ? undefined : content.state, companions: companions.companions };
  const existing = await loadBriefing(incoming.briefing.id);
  if (!existing) return { kind: 'new', incoming };
  const differences = briefingDifferences({ briefing: existing.briefing, sections: existing.sections.map(strip) }, incoming);
  return hasDifferences(differences) ? { kind: 'conflict', incoming, existing: existing.briefing, differences } : { kind: 'same', incoming };
}

/** The dataset-review flags the file carries, on the rows of the imported briefing only. */
async function setFlags(sections: readonly Section[]): Promise<void> {
  await db.transaction('rw', db.sections, async () => {
    for (const s of sections) await db.sections.update(s.id, { datasetReview: s.datasetReview as DatasetReview | undefined });
  });
}

/**
 * Writes an imported briefing: as it is (new, or replacing the one with its id: the change is
 * made in that briefing's document, so tabs that have it open follow), or as a copy under new
 * ids. Only the imported briefing's own records are written.
 */
export async function applyBriefingImport(incoming: IncomingBriefing, mode: 'replace' | 'copy', copyTitle?: string): Promise<string> {
  // A file can carry any marking: without a passphrase, one above the lowest is refused as creating it is.
  await refuseStoringMarking(incoming.briefing.classification);
  if (mode === 'copy') {
    const copy = asCopy(incoming, newId(), copyTitle ?? `${incoming.briefing.title} (copy)`);
    await storeNewBriefing(copy.briefing, copy.sections);
    return copy.briefing.id;
  }
  const id = incoming.briefing.id;
  if (await db.briefings.get(id)) {
    await changeBriefingDoc(id, (doc) => updateBriefingDoc(doc, incoming));
    await setFlags(incoming.sections);
  } else await storeNewBriefing(incoming.briefing, incoming.sections, incoming.state);
  await importCompanions(id, incoming.companions);
  return id;
}
