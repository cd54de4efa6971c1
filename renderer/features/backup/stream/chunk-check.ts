import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as Y from 'yjs';
import { z } from 'zod';
import { BackupAnnotation, BackupPaper, BackupPaperText, BackupPaperVersion } from '../../../../shared/briefing/backup-papers';
import { Setting } from '../../../../shared/briefing/file-format';
import { Briefing, Section } from '../../../../shared/briefing/model';
import { base64ToUpdate } from '../../../../shared/collab/briefing-doc';
import { settingsProblem } from '../settings-check';
import { BackupProblem, issuePlace } from './backup-problem';
import { ROW_PARTS, type RowPart } from './stream-format';

/*
 * The restore check of a streamed backup, chunk by chunk: each chunk's rows against the same
 * schemas as a backup of format 3, its documents read by Yjs, each paper's file against its
 * version (size and SHA-256, hashed piece by piece), the parts in the order they are written
 * (so every reference points backwards: a file to a version already seen), and the counts in
 * the last chunk against what came. Memory: the ids seen, and one piece of a file at a time: a
 * restore writes each piece as a stored piece of the paper as it comes (its transaction is
 * aborted if the file's hash, known at its last piece, is wrong), and a check only hashes it, so
 * no paper is ever held whole here.
 */
const Document = z.object({ briefingId: z.string().min(1).max(100), part: z.enum(['comments', 'control']).optional(), state: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict();
export type BackupDocument = z.infer<typeof Document>;

const ROW_SCHEMAS: Record<RowPart, z.ZodType> = {
  briefings: Briefing,
  sections: Section,
  settings: Setting,
  documents: Document,
  papers: BackupPaper,
  versions: BackupPaperVersion,
  texts: BackupPaperText,
  annotations: BackupAnnotation,
};
const ORDER = ['briefings', 'sections', 'settings', 'documents', 'papers', 'versions', 'file', 'texts', 'annotations', 'end'] as const;
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const FilePiece = z.object({ part: z.literal('file'), versionId: z.string().min(1).max(200), type: z.string().max(300), piece: z.number().int().min(0), last: z.boolean(), data: Base64 }).strict();
const End = z.object({ part: z.literal('end'), counts: z.record(z.string(), z.number().int().min(0)) }).strict();
const DocumentPiece = z
  .object({ part: z.literal('documentPiece'), briefingId: z.string().min(1).max(100), docPart: z.enum(['comments', 'control']).optional(), piece: z.number().int().min(0), last: z.boolean(), state: Base64 })
  .strict();
const Rows = z.object({ part: z.enum(ROW_PARTS), rows: z.array(z.unknown()).max(10_000) }).strict();

/** What a checked chunk gives the restore: rows of a table, or one piece of a paper's file (its bytes when kept). */
export type CheckedChunk = { part: RowPart; rows: unknown[] } | { part: 'file'; versionId: string; piece: number; bytes: Uint8Array | undefined } | { part: 'end' };

export class ChunkChecker {
  private at = 0;
  private readonly counts: Record<string, number> = {};
  private readonly papers = new Set<string>();
  private readonly versions = new Map<string, { name: string; size: number; sha256: string }>();
  private readonly withFile = new Set<string>();
  private readonly settingKeys = new Set<string>();
  /** A document arriving in continuation records (format 5): its pieces so far. */
  private document: { briefingId: string; docPart?: 'comments' | 'control'; next: number; pieces: string[] } | undefined;
  private file: { versionId: string; next: number; size: number; hash: ReturnType<typeof sha256.create> } | undefined;
  ended = false;

  /** `keepFiles`: hand out each piece of a paper's file for writing (a restore); a check only hashes it. */
  constructor(private readonly keepFiles = false) {}

  /** Checks one chunk (its JSON already parsed); throws BackupProblem on the first thing wrong. */
  check(value: unknown): CheckedChunk | undefined {
    if (this.ended) throw new BackupProblem('backup.problem.afterEnd');
    const part = (value as { part?: unknown } | null)?.part;
    // A document's continuation records stand where its documents do.
    const index = ORDER.indexOf((part === 'documentPiece' ? 'documents' : part) as (typeof ORDER)[number]);
    if (index < 0) throw new BackupProblem('backup.problem.damaged', { where: 'part' });
    if (index < this.at) throw new BackupProblem('backup.problem.damaged', { where: String(part) });
    this.at = index;
    if (part === 'documentPiece') return this.documentPiece(value);
    if (this.document) throw new BackupProblem('backup.problem.document', { briefing: this.document.briefingId });
    if (part === 'file') return this.filePiece(value);
    if (this.file) throw new BackupProblem('backup.problem.fileUnreadable', { name: this.versions.get(this.file.versionId)?.name ?? this.file.versionId });
    if (part === 'end') return this.end(value);
    const parsed = Rows.safeParse(value);
    if (!parsed.success) throw new BackupProblem('backup.problem.damaged', { where: issuePlace(parsed.error.issues, String(part)) });
    return this.rows(parsed.data.part, parsed.data.rows);
  }

  private rows(rowsPart: RowPart, given: unknown[]): CheckedChunk {
    const schema = ROW_SCHEMAS[rowsPart];
    const rows: unknown[] = [];
    for (const [i, row] of given.entries()) {
      const one = schema.safeParse(row);
      if (!one.success) throw new BackupProblem('backup.problem.damaged', { where: issuePlace(one.error.issues, `${rowsPart}.${(this.counts[rowsPart] ?? 0) + i}`) });
      rows.push(one.data);
    }
    this.crossCheck(rowsPart, rows);
    this.counts[rowsPart] = (this.counts[rowsPart] ?? 0) + rows.length;
    return { part: rowsPart, rows };
  }

  private crossCheck(part: RowPart, rows: unknown[]): void {
    if (part === 'settings') {
      const settings = rows as { key: string; value: unknown }[];
      const problem = settingsProblem(settings) ?? settings.map((s) => s.key).filter((k) => this.settingKeys.has(k)).map((key) => ({ key }))[0];
      if (problem) throw new BackupProblem('backup.problem.setting', { key: problem.key });
      settings.forEach((s) => this.settingKeys.add(s.key));
    } else if (part === 'documents') {
      for (const d of rows as BackupDocument[]) {
        try {
          Y.applyUpdate(new Y.Doc(), base64ToUpdate(d.state));
        } catch {
          throw new BackupProblem('backup.problem.document', { briefing: d.briefingId });
        }
      }
    } else if (part === 'papers') {
      (rows as { id: string }[]).forEach((p) => this.papers.add(p.id));
    } else if (part === 'versions') {
      for (const v of rows as { id: string; paperId: string; name: string; size: number; sha256: string }[]) {
        if (!this.papers.has(v.paperId)) throw new BackupProblem('backup.problem.damaged', { where: `versions.${v.id}.paperId` });
        this.versions.set(v.id, v);
      }
    } else if (part === 'annotations') {
      for (const a of rows as { id: string; paperId: string }[]) if (!this.papers.has(a.paperId)) throw new BackupProblem('backup.problem.damaged', { where: `annotations.${a.id}.paperId` });
    }
  }

  /** A continuation record: pieces of one document in order; at the last, the whole document is checked as one row of documents. */
  private documentPiece(value: unknown): CheckedChunk | undefined {
    const parsed = DocumentPiece.safeParse(value);
    if (!parsed.success) throw new BackupProblem('backup.problem.damaged', { where: issuePlace(parsed.error.issues, 'documentPiece') });
    const piece = parsed.data;
    const broken = () => new BackupProblem('backup.problem.document', { briefing: piece.briefingId });
    if (piece.piece === 0) {
      if (this.document) throw broken();
      this.document = { briefingId: piece.briefingId, docPart: piece.docPart, next: 0, pieces: [] };
    }
    const document = this.document;
    if (!document || document.briefingId !== piece.briefingId || document.docPart !== piece.docPart || document.next !== piece.piece) throw broken();
    document.next += 1;
    document.pieces.push(piece.state);
    if (!piece.last) return undefined;
    this.document = undefined;
    const state = document.pieces.join('');
    return this.rows('documents', [{ briefingId: document.briefingId, ...(document.docPart ? { part: document.docPart } : {}), state }]);
  }

  private filePiece(value: unknown): CheckedChunk | undefined {
    const parsed = FilePiece.safeParse(value);
    if (!parsed.success) throw new BackupProblem('backup.problem.damaged', { where: issuePlace(parsed.error.issues, 'file') });
    const piece = parsed.data;
    const version = this.versions.get(piece.versionId);
    if (!version) throw new BackupProblem('backup.problem.damaged', { where: `file.${piece.versionId}` });
    const altered = () => new BackupProblem('backup.problem.fileAltered', { name: version.name });
    if (piece.piece === 0) {
      if (this.file || this.withFile.has(piece.versionId)) throw altered();
      this.file = { versionId: piece.versionId, next: 0, size: 0, hash: sha256.create() };
    }
    const file = this.file;
    if (!file || file.versionId !== piece.versionId || file.next !== piece.piece) throw altered();
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToUpdate(piece.data) as Uint8Array<ArrayBuffer>;
    } catch {
      throw new BackupProblem('backup.problem.fileUnreadable', { name: version.name });
    }
    file.next += 1;
    file.size += bytes.byteLength;
    if (file.size > version.size) throw altered();
    file.hash.update(bytes);
    const out: CheckedChunk = { part: 'file', versionId: piece.versionId, piece: piece.piece, bytes: this.keepFiles ? bytes : undefined };
    if (!piece.last) return out;
    this.file = undefined;
    if (file.size !== version.size || bytesToHex(file.hash.digest()) !== version.sha256) throw altered();
    this.withFile.add(piece.versionId);
    this.counts.file = (this.counts.file ?? 0) + 1;
    return out;
  }

  private end(value: unknown): CheckedChunk {
    const parsed = End.safeParse(value);
    if (!parsed.success) throw new BackupProblem('backup.problem.damaged', { where: 'end' });
    for (const [id, v] of this.versions) if (!this.withFile.has(id)) throw new BackupProblem('backup.problem.fileUnreadable', { name: v.name });
    for (const part of [...ROW_PARTS, 'file'] as const) {
      if ((parsed.data.counts[part] ?? 0) !== (this.counts[part] ?? 0)) throw new BackupProblem('backup.problem.truncated');
    }
    this.ended = true;
    return { part: 'end' };
  }

  /** What the backup holds, once the end has been checked. */
  summary(): Record<string, number> {
    return { ...this.counts };
  }
}
