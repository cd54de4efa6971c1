/*
 * The papers layer's records: a paper (one document a meeting keeps, e.g. "Draft joint
 * statement"), its versions (the file as first issued, Rev.1, Rev.2...), and the delegate's
 * annotations on it. Annotations use the W3C Web Annotation selectors so they can be moved to a
 * new version by their text rather than by page coordinates.
 */

/** What a paper is attached to. A briefing section is named by its section id. */
export type PaperOwnerKind = 'meeting' | 'agendaItem' | 'section';
export interface PaperOwner {
  kind: PaperOwnerKind;
  id: string;
}
export const ownerKey = (owner: PaperOwner): string => `${owner.kind}:${owner.id}`;

/** One document as the meeting knows it; its bytes live in its versions. */
export interface Paper {
  id: string;
  title: string;
  owner: PaperOwner;
  /** `${kind}:${id}` of the owner (indexed). */
  ownerKey: string;
  /** The meeting the owner belongs to, when known (indexed), so a meeting lists all its papers. */
  meetingId?: string;
  /** The version shown by default: the latest attached. */
  currentVersionId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** One issued file of a paper. The blob is kept as given; `sha256` identifies it. */
export interface PaperVersion {
  id: string;
  paperId: string;
  /** 0 for the original, 1 for Rev.1, ... */
  revision: number;
  /** "Rev.1" or the delegate's own label. */
  label: string;
  name: string;
  type: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  /** PDFs are read in the app; any other file is kept and opened with the system. */
  isPdf: boolean;
  pageCount?: number;
  /** The PDF carries JavaScript (never run: scripting is off), shown to the delegate. */
  hasScripts?: boolean;
  addedAt: string;
  addedBy: string;
}

/** The bytes of a version as schemas 5 to 11 kept them: one row, so one decryption of the whole file (see PaperChunk). */
export interface PaperBlob {
  versionId: string;
  blob: Blob;
}

/**
 * The bytes of a version from schema 12 on: pieces in order (index 0, 1, ...), each its own row
 * and so encrypted on its own, so reading or writing a paper holds one piece at a time. Every
 * stored file has at least one piece (an empty file: one empty piece). Pieces are at most
 * PAPER_CHUNK_BYTES, or a restored backup's piece size (readers only join them in order).
 */
export interface PaperChunk {
  /** The version whose bytes these are. */
  blobId: string;
  index: number;
  bytes: Uint8Array;
}

/** Bytes of a paper's file per stored piece. */
export const PAPER_CHUNK_BYTES = 1024 * 1024;

/** The text of a PDF version, page by page, as extracted by pdf.js (see page-text.ts). */
export interface PaperText {
  versionId: string;
  paperId: string;
  pages: string[];
  extractedAt: string;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets in the version's document text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

/** Where an annotation points in one version. */
export interface AnnotationTarget {
  versionId: string;
  quote: TextQuoteSelector;
  /** Absent when the annotation is orphaned in this version. */
  position?: TextPositionSelector;
  /** 1-based page of the start, for listing and opening at the page. */
  page?: number;
  status: AnchorStatus;
}

/** A talking point or a section the annotation is linked to (the section side can show it). */
export interface AnnotationLink {
  briefingId: string;
  sectionId: string;
  talkingPointId?: string;
}

export interface AnnotationShare {
  briefingId: string;
  /** The version it was shared on: its SHA-256 names the paper for colleagues, and never changes once shared. */
  versionId: string;
  /**
   * The id of its entry in the briefing's comments document when not the annotation's own: shared
   * again after a revision, the old entry (a tombstone on the earlier version's SHA-256) can never
   * change paper, so a fresh entry is written (delegation-annotations.ts `shareDelegationAnnotation`).
   */
  entryId?: string;
}

export interface Annotation {
  id: string;
  paperId: string;
  kind: 'highlight' | 'note';
  note: string;
  color: 'yellow' | 'green' | 'blue' | 'pink';
  /** Where it points in the version it is currently shown on (the paper's current version). */
  target: AnnotationTarget;
  /** Where it pointed in earlier versions, oldest first: re-anchoring never loses the original quote. */
  previousTargets: AnnotationTarget[];
  link?: AnnotationLink;
  /** Private by default; 'delegation' once shared with the delegation of a shared briefing (`shared`). */
  scope: 'private' | 'delegation';
  /** Set while shared: the briefing whose delegation sees it (its comments document holds it: shared/collab/delegation-annotations.ts). */
  shared?: AnnotationShare;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
