import { z } from 'zod';
import { Certainty, LanguageTag, TaggedText } from './facts';
import { Citations, LocalizedText, Slug } from './primitives';
import { EMAIL_PATTERN } from '../mailto-url';

export { EMAIL_PATTERN };

/**
 * Record schema 4: a contact of a national layer (issue 16: "its focal points, its delegation's
 * contacts"): a person, the organisation they work for, and what they are to the bodies and
 * meetings they are named for. Reference data like a body: public, published by a dataset.
 */

/** The ASEAN Member States (Timor-Leste the eleventh, from October 2025), ISO 3166-1 alpha-2. */
export const ASEAN_MEMBER_STATES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'] as const;
export const AseanMemberState = z.enum(ASEAN_MEMBER_STATES, { error: 'must be the code of an ASEAN Member State (BN, KH, ID, LA, MY, MM, PH, SG, TH, TL, VN)' });

/**
 * An e-mail address of the plain form `name@host.tld` (EMAIL_PATTERN): no scheme (a `mailto:`,
 * `javascript:` or `data:` text is refused), no spaces, quotes, angle brackets or mailto
 * separators, one @, a dotted host name. The interface links it only through toSafeMailtoUrl.
 */
export const ContactEmail = z.string().max(254).regex(EMAIL_PATTERN, 'must be an e-mail address such as name@mofa.gov.my (no mailto: or other scheme)');

/** A telephone number as printed: digits, an optional leading +, spaces, dots, dashes, brackets and an "ext." part. Shown as text, never as a link. */
export const ContactPhone = z
  .string()
  .max(40)
  .regex(/^\+?[0-9][0-9 ().-]{3,30}(?: ?(?:ext\.?|x) ?[0-9]{1,6})?$/, 'must be a telephone number such as +60 3 8887 4000 (digits, +, spaces, dots, dashes, brackets)');

export const CONTACT_ROLES = ['focal-point', 'head-of-delegation', 'delegate', 'alternate', 'secretariat', 'other'] as const;
export const ContactRoleKind = z.enum(CONTACT_ROLES);
export type ContactRoleKind = z.infer<typeof ContactRoleKind>;

/** What the contact is to one body or one meeting: the focal point of a body, the head of delegation at a meeting. */
export const ContactRole = z
  .object({
    role: ContactRoleKind,
    bodyId: Slug.optional(),
    meetingId: Slug.optional(),
    note: LocalizedText.optional(),
  })
  .strict()
  .refine((r) => r.bodyId !== undefined || r.meetingId !== undefined, { message: 'a role names the body or the meeting it is held for (bodyId or meetingId)' });
export type ContactRole = z.infer<typeof ContactRole>;

/** The organisation the contact works for: a body of a dataset, or a ministry or agency named as written, or both. */
export const ContactOrganisation = z
  .object({
    bodyId: Slug.optional(),
    name: LocalizedText.optional(),
    otherNames: z.array(TaggedText).optional(),
  })
  .strict()
  .refine((o) => o.bodyId !== undefined || o.name !== undefined, { message: 'an organisation is a body (bodyId) or a name' });
export type ContactOrganisation = z.infer<typeof ContactOrganisation>;

export const Contact = z
  .object({
    id: Slug,
    /** The person's name as written (Dato' Sri ..., Pehin ...): never translated. */
    name: z.string().min(1).max(200),
    /** Their position (Director-General, ASEAN-Malaysia National Secretariat), in en/ms/id. */
    title: LocalizedText.optional(),
    /** The position in other languages, BCP 47 tagged. */
    otherTitles: z.array(TaggedText).optional(),
    organisation: ContactOrganisation,
    country: AseanMemberState,
    roles: z.array(ContactRole).default([]),
    /** The languages the contact works in, BCP 47 tags (en, ms, id, th, zh-Hant...). */
    languages: z.array(LanguageTag).max(20).optional(),
    email: ContactEmail.optional(),
    phone: ContactPhone.optional(),
    certainty: Certainty.optional(),
    sources: Citations,
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

/** The bodies a contact is named for (its organisation and its roles), for the body page's index. */
export function contactBodyIds(contact: Pick<Contact, 'organisation' | 'roles'>): string[] {
  return [...new Set([contact.organisation.bodyId, ...contact.roles.map((r) => r.bodyId)].filter((id): id is string => id !== undefined))];
}

/** The meetings a contact holds a role at, for the meeting page's index. */
export function contactMeetingIds(contact: Pick<Contact, 'roles'>): string[] {
  return [...new Set(contact.roles.flatMap((r) => (r.meetingId === undefined ? [] : [r.meetingId])))];
}
