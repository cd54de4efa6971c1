import { ANNOTATION_NOTE_MAX, type DelegationAnnotation } from '../../../shared/collab/delegation-annotations';
import type { Role } from '../../../shared/collab/relay-protocol';
import type { Annotation, AnnotationShare, AnnotationTarget } from '../../../shared/papers/model';
import { publishDelegationAnnotation, shareWithDelegation, withdrawFromDelegation } from '../../collab/delegation-annotations-session';
import { db } from '../../db/db';
import { shareRecordFor } from '../../features/sharing/share-record';
import { newId } from '../storage/papers-repo';

/*
 * Sharing a delegate's annotation with the delegation of a shared briefing of the paper's
 * meeting. The local row stays the author's copy (`scope: 'delegation'`, `shared`); the
 * briefing's comments document holds what colleagues see, written again after each change of
 * the note, colour or link, and withdrawn (a tombstone) when unshared or deleted.
 */

/** A shared briefing of the meeting whose delegation this member may show annotations to. */
export interface ShareTarget {
  briefingId: string;
  title: string;
  memberId: string;
  name: string;
  role: Role;
}

/** The meeting's shared briefings, as this member sees them (readers included: they see colleagues' annotations, and cannot share). */
export async function sharedBriefingsOf(meetingId: string | undefined): Promise<ShareTarget[]> {
  if (!meetingId) return [];
  const briefings = await db.briefings.where('meetingId').equals(meetingId).toArray();
  const out: ShareTarget[] = [];
  for (const b of briefings) {
    const record = await shareRecordFor(b.id);
    if (record) out.push({ briefingId: b.id, title: b.title, memberId: record.memberId, name: record.name, role: record.role });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

const targetOnVersion = (a: Annotation, versionId: string): AnnotationTarget | undefined => (a.target.versionId === versionId ? a.target : a.previousTargets.find((t) => t.versionId === versionId));

/** The id of a shared annotation's entry in the briefing's comments document. */
const entryIdOf = (a: Annotation): string => a.shared?.entryId ?? a.id;

/** What colleagues see of `a` (shared on `versionId`), or undefined when its paper or version is gone. */
async function delegationValue(a: Annotation, versionId: string, author: { memberId: string; name: string }): Promise<DelegationAnnotation | undefined> {
  const [paper, version] = await Promise.all([db.papers.get(a.paperId), db.paperVersions.get(versionId)]);
  const target = targetOnVersion(a, versionId);
  if (!paper || !version || !target) return undefined;
  const cap = (text: string, n: number) => text.slice(0, n);
  return {
    id: entryIdOf(a),
    author,
    paper: { sha256: version.sha256, name: cap(version.name, 300), title: cap(paper.title, 300), ...(paper.meetingId ? { meetingId: paper.meetingId } : {}) },
    quote: { exact: cap(target.quote.exact, 2000), prefix: target.quote.prefix.slice(-64), suffix: cap(target.quote.suffix, 64) },
    ...(target.position ? { position: { start: target.position.start, end: target.position.end } } : {}),
    ...(target.page ? { page: target.page } : {}),
    kind: a.kind,
    color: a.color,
    // A longer note (a restored backup allows more) is shared as its first 4,000 characters.
    note: cap(a.note.trim(), ANNOTATION_NOTE_MAX),
    ...(a.link ? { link: a.link } : {}),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

async function authorOn(briefingId: string) {
  const record = await shareRecordFor(briefingId);
  return record ? { memberId: record.memberId, name: record.name } : undefined;
}

export class CouldNotShare extends Error {}

/**
 * Shares the annotation with the delegation of `briefingId` (on the version it points into now).
 * Written there first: the row is marked shared only once it is (else it throws, and stays private).
 */
export async function shareAnnotation(id: string, briefingId: string): Promise<void> {
  let a = await db.annotations.get(id);
  const author = await authorOn(briefingId);
  if (!a || !author) throw new CouldNotShare('no such annotation, or the briefing is not shared');
  if (a.shared && a.shared.briefingId !== briefingId) {
    await unshareAnnotation(id);
    a = { ...a, scope: 'private', shared: undefined };
  }
  const shared: AnnotationShare = a.shared ?? { briefingId, versionId: a.target.versionId };
  const value = await delegationValue(a, shared.versionId, author);
  if (!value) throw new CouldNotShare('its paper or version is gone');
  // Under its own id unless that holds a tombstone on another revision (unshared there), which never changes paper.
  const entryId = await shareWithDelegation(briefingId, value, newId());
  await db.annotations.update(id, { scope: 'delegation', shared: entryId === a.id ? shared : { ...shared, entryId } });
}

/** Writes a shared annotation's change for the delegation (nothing for a private one). */
export async function republishAnnotation(a: Annotation | undefined): Promise<void> {
  if (!a?.shared) return;
  const author = await authorOn(a.shared.briefingId);
  const value = author && (await delegationValue(a, a.shared.versionId, author));
  if (value) await publishDelegationAnnotation(a.shared.briefingId, value).catch(couldNot);
}

// The local row is saved either way; the comments document keeps the change pending (e.g. a
// marking that needs the passphrase first) and writes it on its next save.
const couldNot = (error: unknown) => console.error('Could not write the change for the delegation', error);

/** Takes the annotation back from the delegation (its row is left as it is: unsharing or deleting it is the caller's). */
export async function withdrawAnnotation(a: Annotation): Promise<void> {
  if (!a.shared) return;
  const author = await authorOn(a.shared.briefingId);
  if (author) await withdrawFromDelegation(a.shared.briefingId, entryIdOf(a), author, new Date().toISOString()).catch(couldNot);
}

export async function unshareAnnotation(id: string): Promise<void> {
  const a = await db.annotations.get(id);
  if (!a?.shared) return;
  await db.annotations.update(id, { scope: 'private', shared: undefined, updatedAt: new Date().toISOString() });
  await withdrawAnnotation(a);
}
