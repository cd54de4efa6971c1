import type { CertaintyLevel, Language } from '../model';

/*
 * The pack document: what a printed briefing pack holds, as plain data. compose.ts builds it
 * from a briefing and the dataset (pure, tested); the renderer paginates and prints it. Every
 * string is final (translated by the labels compose was given), so the renderer only lays out.
 */

export const PACK_PROFILES = ['internal', 'shareable'] as const;
export type PackProfile = (typeof PACK_PROFILES)[number];

/** Parts of the pack the delegate can leave out. The cover and the contents are always printed. */
export const PACK_PARTS = ['overview', 'programme', 'briefs', 'targets', 'coverage', 'annex', 'glossary', 'sources'] as const;
export type PackPart = (typeof PACK_PARTS)[number];

export const PACK_PAPERS = ['a4', 'letter'] as const;
export type PackPaper = (typeof PACK_PAPERS)[number];

export interface PackOptions {
  profile: PackProfile;
  parts: readonly PackPart[];
  paper: PackPaper;
  language: Language;
  /** The agenda items whose sections the pack prints (all when left out). */
  items?: readonly string[];
  /** When the pack is printed, ISO timestamp (shown on the cover). */
  printedAt: string;
  /** Meeting papers printed as an annex after the pack's pages, in this order (listed in the contents). */
  papers?: readonly PackAnnexPaper[];
  /**
   * Which version of a cleared brief this pack prints: `cleared` (the snapshot the lead cleared,
   * no DRAFT watermark) or `uncleared` (the current text, changed since; the cover says so and
   * the watermark stays). Left out for a brief that has never been cleared.
   */
  clearance?: PackClearance;
}

export interface PackClearance {
  printed: 'cleared' | 'uncleared';
  /** Who cleared the version the pack is measured against, and when (ISO). */
  clearedBy: string;
  clearedAt: string;
  /** The SHA-256 of the cleared content (its first 12 characters go on the cover). */
  hash: string;
}

/** A paper of the meeting whose own pages follow the pack's (renderer/papers/annex merges them). */
export interface PackAnnexPaper {
  id: string;
  title: string;
}

/**
 * How sure a printed fact is (the dataset's certainty, shared/pack/certainty.ts): a mark after
 * the fact ("verified", "sources conflict") and, under it, what the publisher noted and, for a
 * conflict or a partial fact, the sources on each side ("Supported by [1]. Contradicted by [4].").
 */
export interface PackCertainty {
  level: CertaintyLevel;
  mark: string;
  detail?: string;
}

/** One row of a fixed-column table: cells are plain text, numbers of the sources cited. */
export interface PackRow {
  cells: string[];
  cites?: number[];
  certainty?: PackCertainty;
}

export type PackBlock =
  | { kind: 'heading'; level: 2 | 3; text: string; cites?: number[]; certainty?: PackCertainty }
  /** A piece of delegate-written markdown (a paragraph or one list item); `number` for a talking point. */
  | { kind: 'markdown'; text: string; number?: number; cites?: number[]; tone?: 'private' | 'restricted' }
  /** `pageRef`: the page a chapter starts on, printed with the label's `{page}` ("brief on page 6"). */
  | { kind: 'text'; text: string; cites?: number[]; tone?: 'muted' | 'lead'; pageRef?: { chapterId: string; label: string }; certainty?: PackCertainty }
  | { kind: 'field'; label: string; value: string; cites?: number[]; certainty?: PackCertainty }
  /** What the certainty marks mean, printed once before the first fact that carries one. */
  | { kind: 'certainty-legend'; title: string; entries: { level: CertaintyLevel; mark: string; meaning: string }[]; unmarked: string }
  /** Columns' relative widths add up to 100; rows may be split over pages, the header repeats. */
  /** `markdown`: a column of delegate-written text (evidence, actions), rendered as the app's markdown. */
  | { kind: 'table'; columns: { label: string; width: number; markdown?: boolean }[]; rows: PackRow[] }
  | { kind: 'org-chart'; bodyIds: string[]; focusIds: string[] };

/** A part of the pack that starts on a new page and has a line in the contents. */
export interface PackChapter {
  id: string;
  title: string;
  /** 1: a main part; 2: one brief, one day sheet (indented in the contents). */
  level: 1 | 2;
  /** The running header's name for the pages of this chapter when it differs from the title ("Item 3 · …"). */
  running?: string;
  /** Follows on the page before when there is room, instead of starting a new page (short day sheets). */
  continuous?: boolean;
  /** A line the contents shows above this chapter's entry, without a page number ("Briefs by agenda item"). */
  group?: string;
  blocks: PackBlock[];
}

export interface PackCover {
  title: string;
  meetingCode: string;
  /** "36th meeting" or empty. */
  number: string;
  dates: string;
  venue: string;
  delegation: string;
  /** Who wrote the brief, or empty. */
  author: string;
  marking: string;
  version: string;
  printed: string;
  profile: string;
  briefTitle: string;
  /** What the cover says about clearance ("Cleared version…" or "UNCLEARED VERSION…"); empty when never cleared. */
  clearance: string;
}

export interface PackSource {
  number: number;
  id: string;
  title: string;
  detail: string;
  url?: string;
}

export interface PackDocument {
  paper: PackPaper;
  language: Language;
  profile: PackProfile;
  meetingCode: string;
  marking: string;
  /** True until the brief is cleared: every page carries a DRAFT watermark. */
  draft: boolean;
  cover: PackCover;
  chapters: PackChapter[];
  sources: PackSource[];
  /** The papers annexed after the pack's pages, with the contents' line above them. */
  papers?: { group: string; entries: PackAnnexPaper[] };
}
