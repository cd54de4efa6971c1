import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Briefing, Section } from '../briefing/model';

/*
 * What a clearance vouches for: the words the pack prints, nothing else. The briefing's header
 * and general sections and every agenda-item section, reduced to their content fields and
 * written as canonical JSON (object keys sorted, absent values left out, lists in their order),
 * so the same content always gives the same SHA-256 whatever order Yjs keeps its keys in and
 * whoever computes it. Workflow fields (status and its history, review flags, timestamps) are
 * not content: setting the status to "cleared" does not change what was cleared.
 */

export const BRIEFING_CONTENT_FIELDS = ['id', 'meetingId', 'title', 'delegation', 'author', 'classification', 'keyMessages', 'bilaterals', 'members', 'contacts', 'logistics'] as const;
export const SECTION_CONTENT_FIELDS = ['id', 'agendaItemId', 'order', 'agendaTitle', 'objectives', 'position', 'redLines', 'fallback', 'talkingPoints', 'background', 'targets', 'followUps', 'privateNotes'] as const;

type Plain = Record<string, unknown>;

function pick(record: object, fields: readonly string[]): Plain {
  const out: Plain = {};
  for (const field of fields) {
    const value = (record as Plain)[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** A target assessment's content: the assessment and the evidence, not when it was made. */
function sectionContent(section: Section): Plain {
  const content = pick(section, SECTION_CONTENT_FIELDS);
  content.targets = (section.targets ?? []).map(({ assessedAt: _at, ...rest }) => rest);
  return content;
}

/** JSON with object keys sorted at every level and undefined values dropped: one text per content. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value as Plain)
    .filter((k) => (value as Plain)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Plain)[k])}`).join(',')}}`;
}

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

// Canonical texts per record object: records are treated as immutable here (every edit makes a new object), so a
// clearance's content read back once is written out once, however often the editor compares against it.
const sectionTexts = new WeakMap<object, string>();

/** One section's canonical content. */
export function sectionCanonical(section: Section): string {
  let text = sectionTexts.get(section);
  if (text === undefined) sectionTexts.set(section, (text = canonicalJson(sectionContent(section))));
  return text;
}

/** The briefing's own part (header, key messages, bilaterals, members, contacts, logistics), canonical. */
export const generalCanonical = (briefing: Briefing): string => canonicalJson(pick(briefing, BRIEFING_CONTENT_FIELDS));

const ordered = (sections: readonly Section[]) => [...sections].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

/**
 * The canonical cleared content of a whole briefing, sections in their order: exactly
 * `canonicalJson({ briefing, sections })` of the content fields, assembled from the parts so
 * each is written once.
 */
export function canonicalBriefingContent(briefing: Briefing, sections: readonly Section[]): string {
  return `{"briefing":${generalCanonical(briefing)},"sections":[${ordered(sections).map(sectionCanonical).join(',')}]}`;
}

export const briefingContentHash = (briefing: Briefing, sections: readonly Section[]): string => sha256Hex(canonicalBriefingContent(briefing, sections));

/** One section's fingerprint, to tell "changed since cleared" per section without the snapshot at hand. */
export const sectionContentHash = (section: Section): string => sha256Hex(sectionCanonical(section));

/** The fingerprint of the briefing's own part. */
export const generalContentHash = (briefing: Briefing): string => sha256Hex(generalCanonical(briefing));
