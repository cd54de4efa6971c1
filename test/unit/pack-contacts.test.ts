/**
 * The pack's annex lists the contacts the datasets publish for the briefing's delegation
 * (record schema 4): people with a role at this meeting first, then those with a role for a
 * body the meeting concerns, each with the roles that concern the pack, phone, e-mail and
 * its sources cited; other delegations' contacts and unrelated bodies' are left out.
 */
import { describe, expect, it } from 'vitest';
import { composePack } from '../../shared/pack/compose';
import { PACK_PARTS, type PackBlock, type PackOptions } from '../../shared/pack/model';
import type { Contact } from '../../shared/model';
import { briefPackInput, datasetRecords, taggedFormat } from './pack-fixtures';

const options: PackOptions = { profile: 'shareable', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-11-23T12:00:00.000Z' };
const sourceId = datasetRecords.sources[0]!.id;

function contact(id: string, name: string, country: Contact['country'], roles: Contact['roles'], extra: Partial<Contact> = {}): Contact {
  return { id, name, country, roles, organisation: { name: { en: 'Ministry' } }, sources: [{ sourceId }], ...extra };
}

const contacts: Contact[] = [
  contact('my-focal', 'Nurul Aina', 'MY', [{ role: 'focal-point', bodyId: 'asoen' }], { email: 'asean.desk@nres.example', phone: '+60 3 0000 0000' }),
  contact('my-head', 'Zainal Abidin', 'MY', [
    { role: 'head-of-delegation', meetingId: 'asoen-36' },
    { role: 'delegate', meetingId: 'asoen-35' },
  ]),
  contact('id-head', 'Siti Rahma', 'ID', [{ role: 'head-of-delegation', meetingId: 'asoen-36' }]),
  contact('my-other', 'Ahmad Other', 'MY', [{ role: 'focal-point', bodyId: 'admm' }]),
];

const annexBlocks = (withContacts: readonly Contact[]): PackBlock[] => {
  const { input } = briefPackInput();
  const doc = composePack({ ...input, contacts: withContacts }, options, taggedFormat);
  return doc.chapters.find((c) => c.id === 'annex')!.blocks;
};

describe('the datasets’ contacts in the pack annex', () => {
  it('lists the delegation’s contacts the meeting concerns, the meeting’s roles first, with their sources', () => {
    const blocks = annexBlocks(contacts);
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Contacts published in the datasets');
    expect(at).toBeGreaterThan(0);
    const table = blocks[at + 1]!;
    if (table.kind !== 'table') throw new Error('no table after the heading');
    expect(table.columns.map((c) => c.label)).toEqual(['Name', 'Role', 'Phone', 'Email']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Zainal Abidin', 'Head of delegation, ASOEN-36', '', ''],
      ['Nurul Aina', 'Focal point, ASOEN', '+60 3 0000 0000', 'asean.desk@nres.example'],
    ]);
    expect(table.rows.every((r) => (r.cites ?? []).length === 1)).toBe(true);
  });

  it('prints no such table when the datasets publish no contact for the delegation', () => {
    const blocks = annexBlocks(contacts.filter((c) => c.country !== 'MY'));
    expect(blocks.some((b) => b.kind === 'heading' && b.text === 'Contacts published in the datasets')).toBe(false);
    expect(annexBlocks([]).some((b) => b.kind === 'heading' && b.text === 'Contacts published in the datasets')).toBe(false);
  });
});
