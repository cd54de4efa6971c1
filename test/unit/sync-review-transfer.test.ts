/** A dataset update's review flag on a section survives briefing export/import and backup/restore files. */
import { describe, expect, it } from 'vitest';
import { Section, type DatasetReview } from '../../shared/briefing/model';
import { BACKUP_FILE_FORMAT, BRIEFING_FILE_FORMAT, readBackupFile, readBriefingFile } from '../../shared/briefing/file-format';

const review: DatasetReview = {
  change: 'changed',
  datasetId: 'asean-builtin',
  datasetVersion: 2,
  historyId: 'h-2',
  fields: ['title.en'],
  before: { title: { en: 'Joint statement to COP30', ms: 'Kenyataan bersama COP30' } },
  after: { title: { en: 'Joint statement to COP30 (revised)' }, description: { en: 'Now with a annex' } },
  at: '2027-01-01T00:00:00.000Z',
};

const section = Section.parse({
  id: 's1',
  briefingId: 'b1',
  agendaItemId: 'asoen-36-joint-statement-cop30',
  order: 0,
  agendaTitle: 'Joint statement',
  position: 'Support, with the ASEAN paragraph kept',
  datasetReview: review,
  updatedAt: '2026-11-02T00:00:00.000Z',
});

const briefing = {
  id: 'b1',
  meetingId: 'asoen-36',
  title: 'Malaysia at ASOEN-36',
  delegation: 'MY',
  classification: 'OFFICIAL',
  status: 'draft',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('the review flag in files', () => {
  it('round-trips through an exported briefing', () => {
    const text = JSON.stringify({ format: BRIEFING_FILE_FORMAT, formatVersion: 1, appVersion: '0.1.0', exportedAt: '2027-01-02T00:00:00.000Z', briefing, sections: [section] });
    const read = readBriefingFile(text);
    expect(read.ok && read.value.sections[0]!.datasetReview).toEqual(review);
  });

  it('round-trips through a backup', () => {
    const text = JSON.stringify({ format: BACKUP_FILE_FORMAT, formatVersion: 1, appVersion: '0.1.0', schemaVersion: 3, createdAt: '2027-01-02T00:00:00.000Z', tables: { briefings: [briefing], sections: [section], settings: [] } });
    const read = readBackupFile(text, 3);
    expect(read.ok && read.value.tables.sections[0]!.datasetReview).toEqual(review);
  });

  it('a malformed flag is refused, not carried silently', () => {
    const broken = { ...section, datasetReview: { ...review, change: 'rewritten' } };
    const text = JSON.stringify({ format: BRIEFING_FILE_FORMAT, formatVersion: 1, appVersion: '0.1.0', exportedAt: '2027-01-02T00:00:00.000Z', briefing, sections: [broken] });
    expect(readBriefingFile(text).ok).toBe(false);
  });
});
