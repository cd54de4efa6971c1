import { z } from 'zod';

export const MeetingWhen = z.enum(['upcoming', 'past', 'all']);
export type MeetingWhen = z.infer<typeof MeetingWhen>;

/** The meetings list's filters, as carried in its address (`/meetings?when=past&body=asoen`). */
export interface MeetingFilter {
  when: MeetingWhen;
  body?: string;
  year?: string;
  country?: string;
}

export function parseMeetingFilter(search: string): MeetingFilter {
  const params = new URLSearchParams(search);
  const when = MeetingWhen.safeParse(params.get('when'));
  const body = params.get('body') ?? undefined;
  const year = params.get('year') ?? undefined;
  const country = params.get('country') ?? undefined;
  return {
    when: when.success ? when.data : 'all',
    body: body && /^[a-z0-9-]+$/.test(body) ? body : undefined,
    year: year && /^\d{4}$/.test(year) ? year : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
}

export function meetingFilterSearch(filter: MeetingFilter): string {
  const params = new URLSearchParams();
  if (filter.when !== 'all') params.set('when', filter.when);
  if (filter.body) params.set('body', filter.body);
  if (filter.year) params.set('year', filter.year);
  if (filter.country) params.set('country', filter.country);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Keeps the order of `ordered` and only the keys present in every one of `within`. */
export function intersectOrdered(ordered: readonly string[], within: ReadonlyArray<ReadonlySet<string>>): string[] {
  if (within.length === 0) return [...ordered];
  return ordered.filter((key) => within.every((set) => set.has(key)));
}
