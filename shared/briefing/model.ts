import { z } from 'zod';
import { CountryCode, IsoDate, LocalizedText, Slug } from '../model';

/** Ids of user records are random (crypto.randomUUID); reference ids are dataset slugs. */
export const UserId = z.string().min(1).max(100);

export const BRIEFING_STATUSES = ['draft', 'for-review', 'cleared'] as const;
export const BriefingStatus = z.enum(BRIEFING_STATUSES);
export type BriefingStatus = z.infer<typeof BriefingStatus>;

export const ASSESSMENTS = ['not-started', 'on-track', 'at-risk', 'achieved'] as const;
export const Assessment = z.enum(ASSESSMENTS);
export type Assessment = z.infer<typeof Assessment>;

/** Default classification markings; the list is a setting the delegation can change. */
export const DEFAULT_CLASSIFICATIONS = ['OFFICIAL', 'RESTRICTED', 'CONFIDENTIAL'] as const;

const Text = z.string().max(100_000);
const DateTime = z.string().datetime({ offset: true });

export const TalkingPoint = z.object({ id: UserId, text: Text }).strict();
export type TalkingPoint = z.infer<typeof TalkingPoint>;

export const TargetAssessment = z
  .object({
    targetId: Slug,
    assessment: Assessment.optional(),
    evidence: Text.default(''),
    assessedAt: DateTime.optional(),
  })
  .strict();
export type TargetAssessment = z.infer<typeof TargetAssessment>;

export const FollowUp = z
  .object({ id: UserId, what: Text, owner: z.string().max(200).default(''), due: IsoDate.optional() })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

/** Fields of a section that text can be carried into from an earlier brief. */
export const SECTION_TEXT_FIELDS = ['objectives', 'position', 'redLines', 'fallback', 'background', 'privateNotes'] as const;
export type SectionTextField = (typeof SECTION_TEXT_FIELDS)[number];

/** An agenda item's text as a dataset version had it, kept with a review flag so old and new can be shown side by side. */
export const AgendaItemText = z.object({ title: LocalizedText, description: LocalizedText.optional() }).strict();
export type AgendaItemText = z.infer<typeof AgendaItemText>;

/**
 * Set by a dataset update on a section whose agenda item changed or disappeared; cleared when
 * the delegate marks the section reviewed. The section's own text is never changed by an update.
 */
export const DatasetReview = z
  .object({
    change: z.enum(['changed', 'removed']),
    datasetId: Slug,
    /** The dataset version that raised the flag. */
    datasetVersion: z.number().int().positive(),
    /** The history entry of that update (its undo removes the flag if it is still as set). */
    historyId: UserId,
    /** Paths of the agenda item's fields that changed; empty when removed. */
    fields: z.array(z.string().max(200)).max(200).default([]),
    before: AgendaItemText.optional(),
    after: AgendaItemText.optional(),
    at: DateTime,
  })
  .strict();
export type DatasetReview = z.infer<typeof DatasetReview>;

/** A briefing's part for one agenda item of the meeting. */
export const Section = z
  .object({
    id: UserId,
    briefingId: UserId,
    /** The agenda item this section briefs on; may disappear from a later dataset (the section is then detached). */
    agendaItemId: Slug,
    order: z.number().int().nonnegative(),
    /** The agenda item's title when the section was made, shown if the item disappears. */
    agendaTitle: z.string().max(1000),
    objectives: Text.default(''),
    position: Text.default(''),
    redLines: Text.default(''),
    fallback: Text.default(''),
    talkingPoints: z.array(TalkingPoint).default([]),
    background: Text.default(''),
    targets: z.array(TargetAssessment).default([]),
    followUps: z.array(FollowUp).default([]),
    /** Delegation-only notes: never in a shareable pack. */
    privateNotes: Text.default(''),
    /** Fields and talking points carried over from an earlier brief and not yet touched. */
    review: z.array(z.string()).default([]),
    /** A dataset update changed or removed this section's agenda item; shown until the delegate marks it reviewed. */
    datasetReview: DatasetReview.optional(),
    updatedAt: DateTime,
  })
  .strict();
export type Section = z.infer<typeof Section>;

export const Bilateral = z
  .object({ id: UserId, counterpart: z.string().max(300), objectives: Text.default(''), talkingPoints: z.array(TalkingPoint).default([]) })
  .strict();
export type Bilateral = z.infer<typeof Bilateral>;

export const DelegationMember = z
  .object({
    id: UserId,
    name: z.string().max(300),
    role: z.string().max(300).default(''),
    /** Agenda item ids this member covers (parallel sessions at ASOEN and the JWG series). */
    covers: z.array(Slug).default([]),
  })
  .strict();
export type DelegationMember = z.infer<typeof DelegationMember>;

export const Contact = z
  .object({ id: UserId, name: z.string().max(300), role: z.string().max(300).default(''), phone: z.string().max(100).default(''), email: z.string().max(300).default('') })
  .strict();
export type Contact = z.infer<typeof Contact>;

export const StatusChange = z.object({ status: BriefingStatus, by: z.string().max(200), at: DateTime }).strict();
export type StatusChange = z.infer<typeof StatusChange>;

export const Briefing = z
  .object({
    id: UserId,
    meetingId: Slug,
    title: z.string().min(1).max(500),
    delegation: CountryCode,
    author: z.string().max(200).default(''),
    classification: z.string().min(1).max(60),
    status: BriefingStatus,
    statusHistory: z.array(StatusChange).default([]),
    keyMessages: Text.default(''),
    bilaterals: z.array(Bilateral).default([]),
    members: z.array(DelegationMember).default([]),
    contacts: z.array(Contact).default([]),
    logistics: Text.default(''),
    /** The brief this one was started from, if any. */
    startedFrom: UserId.optional(),
    review: z.array(z.string()).default([]),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
  .strict();
export type Briefing = z.infer<typeof Briefing>;
