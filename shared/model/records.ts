import { z } from 'zod';
import { Certainty, ChairTerm, HeadOfDelegation, LanguageTag, OutcomeDocument, SourceAuthority, TaggedText } from './facts';
import { Contact } from './contact';
import { ChairRole, Citations, CountryCode, LocalizedText, PartialDate, PublicHttpsUrl, Slug } from './primitives';

export const BODY_LEVELS = [
  'summit',
  'council',
  'ministerial',
  'senior-officials',
  'commission',
  'committee',
  'working-group',
  'task-force',
  'network',
  'centre',
  'foundation',
  'forum',
  'secretariat',
  'other',
] as const;
export const BodyLevel = z.enum(BODY_LEVELS);
export type BodyLevel = z.infer<typeof BodyLevel>;

export const PILLARS = ['political-security', 'economic', 'socio-cultural', 'cross-pillar'] as const;
export const Pillar = z.enum(PILLARS);
export type Pillar = z.infer<typeof Pillar>;

export const FREQUENCIES = ['annual', 'twice-yearly', 'biennial', 'triennial', 'as-needed', 'other'] as const;

export const Body = z
  .object({
    id: Slug,
    acronym: z.string().min(1),
    /** Other acronyms the same body is known by (AWGMRPE / AWGCW). */
    aliases: z.array(z.string().min(1)).default([]),
    name: LocalizedText,
    level: BodyLevel,
    pillar: Pillar,
    /** Sector within the pillar, e.g. "environment", "women", "defence". */
    sector: z.string().min(1).optional(),
    reportsTo: z.array(Slug).default([]),
    chair: ChairRole.optional(),
    chairRotation: LocalizedText.optional(),
    meetingFrequency: z
      .object({ kind: z.enum(FREQUENCIES), note: LocalizedText.optional() })
      .strict()
      .optional(),
    founded: PartialDate.optional(),
    /** Dialogue-partner formats the body meets in: "ASEAN+3", "ASEAN-Japan", "EAS", "ADMM-Plus". */
    dialogueFormats: z
      .array(z.object({ code: z.string().min(1), partners: z.array(z.string().min(1)).default([]) }).strict())
      .default([]),
    focalPoints: z
      .array(z.object({ country: CountryCode, agency: LocalizedText }).strict())
      .default([]),
    description: LocalizedText.optional(),
    /** Schema 2: chairs and co-chairs by term or cycle, oldest first. */
    chairHistory: z.array(ChairTerm).optional(),
    /** Schema 2: the name in other languages than en/ms/id, BCP 47 tagged. */
    otherNames: z.array(TaggedText).optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type Body = z.infer<typeof Body>;

export const MEETING_STATUSES = ['planned', 'confirmed', 'in-progress', 'held', 'postponed', 'cancelled'] as const;

export const Participants = z
  .object({
    countries: z.array(CountryCode).default([]),
    organisations: z.array(z.string().min(1)).default([]),
    note: LocalizedText.optional(),
  })
  .strict();
export type Participants = z.infer<typeof Participants>;

export const Meeting = z
  .object({
    id: Slug,
    /** Series slug shared by every meeting of the series, e.g. `asoen`. */
    series: Slug.optional(),
    number: z.number().int().positive().optional(),
    /** Short code used on packs and in lists: "ASOEN-36", "ADMM Retreat 2025". */
    code: z.string().min(1),
    bodyIds: z.array(Slug).min(1, 'a meeting belongs to at least one body'),
    title: LocalizedText,
    startDate: PartialDate,
    endDate: PartialDate.optional(),
    venue: z
      .object({
        name: z.string().min(1).optional(),
        city: z.string().min(1).optional(),
        state: z.string().min(1).optional(),
        country: CountryCode,
      })
      .strict()
      .optional(),
    host: z.object({ country: CountryCode, agency: LocalizedText.optional() }).strict().optional(),
    chair: ChairRole.optional(),
    coChairs: z.array(ChairRole).default([]),
    participants: Participants.optional(),
    observers: Participants.optional(),
    days: z
      .array(
        z
          .object({ day: z.number().int().positive(), date: PartialDate.optional(), label: LocalizedText.optional() })
          .strict(),
      )
      .default([]),
    backToBackMeetingIds: z.array(Slug).default([]),
    previousMeetingId: Slug.optional(),
    status: z.enum(MEETING_STATUSES),
    description: LocalizedText.optional(),
    /** Schema 2: the meeting's theme, heads of delegation, outcome documents, titles in other languages. */
    theme: LocalizedText.optional(),
    headsOfDelegation: z.array(HeadOfDelegation).optional(),
    outcomeDocuments: z.array(OutcomeDocument).optional(),
    otherTitles: z.array(TaggedText).optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type Meeting = z.infer<typeof Meeting>;

export const AGENDA_KINDS = [
  'opening-ceremony',
  'statement',
  'plenary',
  'governing-board',
  'dialogue',
  'working-group',
  'task-force',
  'steering-committee',
  'workshop',
  'retreat',
  'business-forum',
  'visit',
  'exhibition',
  'other',
] as const;

export const AgendaItem = z
  .object({
    id: Slug,
    meetingId: Slug,
    /** Day of the meeting, 1-based; absent where the source gives only the sequence. */
    day: z.number().int().positive().optional(),
    order: z.number().int().nonnegative(),
    title: LocalizedText,
    kind: z.enum(AGENDA_KINDS),
    bodyIds: z.array(Slug).default([]),
    /** Dialogue partners or organisations taking part: "Japan", "ROK", "EU", "US", "IGF". */
    partners: z.array(z.string().min(1)).default([]),
    chair: ChairRole.optional(),
    coChairs: z.array(ChairRole).default([]),
    description: LocalizedText.optional(),
    /** Schema 2: outcome documents (of any meeting) this item considers or adopts. */
    outcomeDocumentIds: z.array(Slug).optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Framework = z
  .object({
    id: Slug,
    title: LocalizedText,
    kind: z.enum(['deliverables', 'work-plan', 'action-plan', 'blueprint', 'index', 'other']),
    periodStart: PartialDate.optional(),
    periodEnd: PartialDate.optional(),
    ownerBodyIds: z.array(Slug).default([]),
    description: LocalizedText.optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type Framework = z.infer<typeof Framework>;

export const TARGET_PROGRESS = ['not-reported', 'not-started', 'in-progress', 'achieved', 'superseded'] as const;

export const OutcomeTarget = z
  .object({
    id: Slug,
    frameworkId: Slug,
    /** Code within the framework as the source numbers it: "a"-"e", "1"-"7", "i"-"vii". */
    code: z.string().min(1),
    order: z.number().int().nonnegative(),
    text: LocalizedText,
    ownerBodyIds: z.array(Slug).default([]),
    meetingIds: z.array(Slug).default([]),
    progress: z
      .object({ status: z.enum(TARGET_PROGRESS), note: LocalizedText.optional(), asOf: PartialDate.optional() })
      .strict()
      .default({ status: 'not-reported' }),
    /** Schema 2: outcome documents the target comes from or is reported in. */
    outcomeDocumentIds: z.array(Slug).optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type OutcomeTarget = z.infer<typeof OutcomeTarget>;

export const Source = z
  .object({
    id: Slug,
    title: LocalizedText,
    kind: z.enum(['press-release', 'overview', 'statement', 'report', 'web-page', 'other']),
    publisher: z.string().min(1),
    date: PartialDate.optional(),
    /** The document's language, any BCP 47 tag (`ms`, `th`, `zh-Hans`); en, ms and id as before. */
    language: LanguageTag,
    referenceNumber: z.string().min(1).optional(),
    url: PublicHttpsUrl.optional(),
    /** A passage of the document in its original language; optional (a paywalled article, a document seen but not copied). */
    excerpt: z.string().min(1).optional(),
    /** Schema 2: how authoritative the source is (official, a news agency, secondary). */
    authority: SourceAuthority.optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Record kinds of the reference dataset, in the order they are listed and loaded. */
export const RECORD_KINDS = ['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'contacts'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The one table of what differs between kinds: the record schema that brought each kind in.
 * A kind brought in after the first (contacts, schema 4) is left out of a payload, its record
 * counts and so its content hash while a dataset holds none of it (withoutEmptyLaterKinds): a
 * dataset without contacts keeps the hash and manifest it had, and older apps still read it.
 */
export const RECORD_KIND_SCHEMA = {
  sources: 1,
  bodies: 1,
  meetings: 1,
  agendaItems: 1,
  frameworks: 1,
  targets: 1,
  contacts: 4,
} as const satisfies Record<RecordKind, number>;

/** Kinds that are left out of a payload while empty (RECORD_KIND_SCHEMA). */
export const LATER_RECORD_KINDS = RECORD_KINDS.filter((k) => RECORD_KIND_SCHEMA[k] > 1);
export const isLaterRecordKind = (kind: string): boolean => (LATER_RECORD_KINDS as readonly string[]).includes(kind);

/** The records (or a payload) without the later kinds they hold none of: what is hashed, counted and written. */
export function withoutEmptyLaterKinds<T extends Partial<Record<RecordKind, readonly unknown[]>>>(records: T): T {
  if (!LATER_RECORD_KINDS.some((k) => records[k] !== undefined && records[k].length === 0)) return records;
  const kept = { ...records };
  for (const kind of LATER_RECORD_KINDS) if (kept[kind]?.length === 0) delete kept[kind];
  return kept;
}

export const DatasetRecords = z
  .object({
    sources: z.array(Source),
    bodies: z.array(Body),
    meetings: z.array(Meeting),
    agendaItems: z.array(AgendaItem),
    frameworks: z.array(Framework),
    targets: z.array(OutcomeTarget),
    /** Record schema 4; absent from datasets and bundles written before it (and from any without contacts). */
    contacts: z.array(Contact).default([]),
  })
  .strict();
export type DatasetRecords = z.infer<typeof DatasetRecords>;

/** The schema of one record of each kind (DatasetRecords' lists, a later kind's default aside). */
export const RECORD_SCHEMAS = {
  sources: Source,
  bodies: Body,
  meetings: Meeting,
  agendaItems: AgendaItem,
  frameworks: Framework,
  targets: OutcomeTarget,
  contacts: Contact,
} as const satisfies Record<RecordKind, z.ZodType>;
export type DatasetRecordsInput = z.input<typeof DatasetRecords>;

export interface RecordTypes {
  sources: Source;
  bodies: Body;
  meetings: Meeting;
  agendaItems: AgendaItem;
  frameworks: Framework;
  targets: OutcomeTarget;
  contacts: Contact;
}
