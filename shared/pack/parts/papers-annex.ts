import type { AnchorStatus, Annotation, PaperVersion } from '../../papers/model';
import type { PackBlock, PackChapter, PackProfile } from '../model';

/*
 * The papers annex as Word writes it. The printed pack merges the papers' own pages after its
 * own (shared/papers/annex.ts); a Word document cannot carry those pages, so its annex is the
 * list of the chosen papers, every version (label, file, pages, when and by whom, SHA-256 to
 * check a copy against), and the delegate's annotated extracts of each: the quoted words with
 * their page and note, then those whose words are gone from the current version (orphans, with
 * their original quote). Pure: the renderer reads the records, this lays them out as a chapter.
 */

export interface PapersAnnexPaper {
  title: string;
  currentVersionId: string;
  /** Oldest first. */
  versions: readonly Pick<PaperVersion, 'id' | 'revision' | 'label' | 'name' | 'pageCount' | 'sha256' | 'addedAt' | 'addedBy'>[];
  annotations: readonly Pick<Annotation, 'kind' | 'note' | 'target' | 'previousTargets' | 'scope' | 'createdAt'>[];
}

export interface PapersAnnexLabels {
  /** The chapter's title ("Annex: meeting papers"). */
  title: string;
  /** Said once under the title: where the papers' own pages are. */
  intro: string;
  versions: string;
  colVersion: string;
  colFile: string;
  colPages: string;
  colAdded: string;
  colSha: string;
  /** "Original" for revision 0 labelled so; other labels are the delegate's own. */
  original: string;
  current: string;
  extracts: string;
  noExtracts: string;
  onPage: (page: number) => string;
  /** How the annotation sits in the current version, said when it is not simply in place. */
  status: (status: AnchorStatus) => string;
  orphans: string;
  note: string;
  /** "2 private annotations are not in the shareable pack." */
  privateLeftOut: (count: number) => string;
  dateTime: (iso: string) => string;
}

/** The annotations a pack of this profile prints: a shareable pack never carries private ones. */
export function annotationsFor<A extends Pick<Annotation, 'scope'>>(annotations: readonly A[], profile: PackProfile): A[] {
  return profile === 'shareable' ? annotations.filter((a) => a.scope !== 'private') : [...annotations];
}

function versionsTable(paper: PapersAnnexPaper, l: PapersAnnexLabels): PackBlock {
  return {
    kind: 'table',
    columns: [
      { label: l.colVersion, width: 16 },
      { label: l.colFile, width: 28 },
      { label: l.colPages, width: 8 },
      { label: l.colAdded, width: 26 },
      { label: l.colSha, width: 22 },
    ],
    rows: paper.versions.map((v) => ({
      cells: [
        `${v.revision === 0 && v.label === 'Original' ? l.original : v.label}${v.id === paper.currentVersionId ? ` (${l.current})` : ''}`,
        v.name,
        v.pageCount === undefined ? '' : String(v.pageCount),
        [l.dateTime(v.addedAt), v.addedBy].filter(Boolean).join(', '),
        // The first 16 hex digits are enough to tell two copies apart by eye.
        v.sha256.slice(0, 16),
      ],
    })),
  };
}

function extractBlocks(annotation: PapersAnnexPaper['annotations'][number], l: PapersAnnexLabels, orphan: boolean): PackBlock[] {
  const quote = orphan ? (annotation.previousTargets[0] ?? annotation.target).quote.exact : annotation.target.quote.exact;
  const where = orphan ? l.orphans : [annotation.target.page ? l.onPage(annotation.target.page) : '', annotation.target.status === 'anchored' ? '' : l.status(annotation.target.status)].filter(Boolean).join(' · ');
  const blocks: PackBlock[] = [{ kind: 'text', text: where, tone: 'muted' }, { kind: 'text', text: `“${quote.trim()}”` }];
  if (annotation.note.trim()) blocks.push({ kind: 'field', label: l.note, value: annotation.note.trim() });
  return blocks;
}

/** One chapter: every paper with its versions and annotated extracts, in the order chosen. */
export function composePapersAnnex(papers: readonly PapersAnnexPaper[], profile: PackProfile, l: PapersAnnexLabels): PackChapter[] {
  if (papers.length === 0) return [];
  const blocks: PackBlock[] = [{ kind: 'text', text: l.intro, tone: 'muted' }];
  for (const paper of papers) {
    blocks.push({ kind: 'heading', level: 2, text: paper.title });
    blocks.push({ kind: 'heading', level: 3, text: l.versions }, versionsTable(paper, l));
    const printed = annotationsFor(paper.annotations, profile);
    blocks.push({ kind: 'heading', level: 3, text: l.extracts });
    const placed = printed.filter((a) => a.target.position).sort((a, b) => a.target.position!.start - b.target.position!.start);
    const orphans = printed.filter((a) => !a.target.position).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (placed.length + orphans.length === 0) blocks.push({ kind: 'text', text: l.noExtracts, tone: 'muted' });
    for (const a of placed) blocks.push(...extractBlocks(a, l, false));
    for (const a of orphans) blocks.push(...extractBlocks(a, l, true));
    const left = paper.annotations.length - printed.length;
    if (left > 0) blocks.push({ kind: 'text', text: l.privateLeftOut(left), tone: 'muted' });
  }
  return [{ id: 'papers-annex', title: l.title, level: 1, blocks }];
}
