import { describeRange } from '../../../shared/papers/anchor';
import type { Annotation, AnnotationLink } from '../../../shared/papers/model';
import { documentTextOf, pageOfOffset } from '../../../shared/papers/page-text';
import { db } from '../../db/db';
import { newId } from '../storage/papers-repo';
import { currentDelegate } from '../storage/who';
import { republishAnnotation, withdrawAnnotation } from './annotation-sharing';

/** Creating and editing annotations; every one starts private. A shared one's change is written for the delegation too. */

export interface NewAnnotation {
  paperId: string;
  versionId: string;
  /** The version's page texts (what the offsets index). */
  pages: readonly string[];
  start: number;
  end: number;
  kind: Annotation['kind'];
  note?: string;
  color?: Annotation['color'];
}

export async function createAnnotation(input: NewAnnotation): Promise<Annotation> {
  const doc = documentTextOf(input.pages);
  const { quote, position } = describeRange(doc.text, input.start, input.end);
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: newId(),
    paperId: input.paperId,
    kind: input.kind,
    note: input.note ?? '',
    color: input.color ?? 'yellow',
    target: { versionId: input.versionId, quote, position, page: pageOfOffset(doc.pageStarts, input.start), status: 'anchored' },
    previousTargets: [],
    scope: 'private',
    createdAt: now,
    createdBy: await currentDelegate(),
    updatedAt: now,
  };
  await db.annotations.add(annotation);
  return annotation;
}

export async function updateAnnotation(id: string, change: Partial<Pick<Annotation, 'note' | 'color' | 'kind'>>): Promise<void> {
  await db.annotations.update(id, { ...change, updatedAt: new Date().toISOString() });
  await republishAnnotation(await db.annotations.get(id));
}

export async function linkAnnotation(id: string, link: AnnotationLink | undefined): Promise<void> {
  await db.annotations.update(id, { link, updatedAt: new Date().toISOString() });
  await republishAnnotation(await db.annotations.get(id));
}

/** Deletes the row; a shared one is withdrawn from the delegation too. */
export async function deleteAnnotation(id: string): Promise<Annotation | undefined> {
  const row = await db.annotations.get(id);
  await db.annotations.delete(id);
  if (row) await withdrawAnnotation(row);
  return row;
}

/** Undo of a delete: the same row back (shared again if it was). */
export async function restoreAnnotation(row: Annotation): Promise<void> {
  await db.annotations.put(row);
  await republishAnnotation(row);
}
