import { z } from 'zod';

/*
 * The meeting papers inside a backup (format 3): each paper, its issued versions with their
 * bytes as base64, the extracted text and the delegate's annotations. The fields the app
 * relies on are checked; the papers layer may add fields, which travel as they are.
 */
const Id = z.string().min(1).max(200);
const When = z.string().min(1).max(40);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

export const BackupPaper = z.object({ id: Id, title: z.string().max(2000), ownerKey: z.string().min(1).max(300), currentVersionId: Id, createdAt: When, updatedAt: When }).passthrough();
export const BackupPaperVersion = z
  .object({ id: Id, paperId: Id, revision: z.number().int().min(0), name: z.string().max(1000), type: z.string().max(300), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .passthrough();
export const BackupPaperText = z.object({ versionId: Id, paperId: Id, pages: z.array(z.string()), extractedAt: When }).strict();
const Target = z.object({ versionId: Id, quote: z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }).strict() }).passthrough();
export const BackupAnnotation = z
  .object({ id: Id, paperId: Id, kind: z.enum(['highlight', 'note']), note: z.string().max(100_000), target: Target, previousTargets: z.array(Target), scope: z.enum(['private', 'delegation']) })
  .passthrough();
export const BackupPaperBlob = z.object({ versionId: Id, type: z.string().max(300), data: Base64 }).strict();

export const BackupPapers = z
  .object({
    papers: z.array(BackupPaper),
    versions: z.array(BackupPaperVersion),
    blobs: z.array(BackupPaperBlob),
    texts: z.array(BackupPaperText),
    annotations: z.array(BackupAnnotation),
  })
  .strict()
  .superRefine((p, ctx) => {
    const papers = new Set(p.papers.map((x) => x.id));
    const versions = new Map(p.versions.map((v) => [v.id, v]));
    p.versions.forEach((v, i) => papers.has(v.paperId) || ctx.addIssue({ code: 'custom', path: ['versions', i, 'paperId'], message: 'names a paper the backup does not hold' }));
    p.blobs.forEach((b, i) => versions.has(b.versionId) || ctx.addIssue({ code: 'custom', path: ['blobs', i, 'versionId'], message: 'names a version the backup does not hold' }));
    p.annotations.forEach((a, i) => papers.has(a.paperId) || ctx.addIssue({ code: 'custom', path: ['annotations', i, 'paperId'], message: 'names a paper the backup does not hold' }));
    p.versions.forEach((v, i) => p.blobs.some((b) => b.versionId === v.id) || ctx.addIssue({ code: 'custom', path: ['versions', i], message: 'has no file in the backup' }));
  });
export type BackupPapers = z.infer<typeof BackupPapers>;
