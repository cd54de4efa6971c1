/** Schema version 2 (issue 16): certainty, chair history, outcome documents, approximate dates, BCP 47 text, source authority; version-1 data still valid as it was. */
import { describe, expect, it } from 'vitest';
import { verifyBundle, RECORD_SCHEMA_VERSION } from '../../shared/bundle';
import { buildBodyTree } from '../../shared/browse/body-tree';
import { canonicalJson } from '../../shared/dataset/hash';
import { formatProblem, validateDataset } from '../../shared/dataset/validate';
import { ApproximateDate, LanguageTag, type DatasetRecords } from '../../shared/model';
import { formatApproximateDate } from '../../renderer/features/facts/ApproximateDateText';
import { baseInput, builtinRecords, newSigner, options, resignedWith, signedBundle } from './bundle-fixtures';

const V2_FIELDS = ['chairHistory', 'otherNames', 'certainty', 'theme', 'headsOfDelegation', 'outcomeDocuments', 'otherTitles', 'outcomeDocumentIds', 'authority'];

/** The built-in records as a version-1 app had them: none of the version-2 fields. */
function asVersion1(records: DatasetRecords): DatasetRecords {
  return JSON.parse(JSON.stringify(records, (key, value: unknown) => (V2_FIELDS.includes(key) ? undefined : value))) as DatasetRecords;
}

const problems = (records: unknown) => {
  const result = validateDataset(records);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('schema version 2 of the records', () => {
  it('keeps version-1 records valid and byte-identical once validated (their content hash does not move)', () => {
    const v1 = asVersion1(builtinRecords());
    const result = validateDataset(structuredClone(v1));
    expect(result.ok).toBe(true);
    if (result.ok) expect(canonicalJson(result.records)).toBe(canonicalJson(v1));
  });

  it('the built-in dataset uses the new fields', () => {
    const records = builtinRecords();
    expect(records.bodies.find((b) => b.id === 'asoen')?.chairHistory?.[0]).toMatchObject({ role: 'chair', country: 'PH', meetingId: 'asoen-36' });
    expect(records.meetings.find((m) => m.id === 'asoen-36')?.outcomeDocuments?.[0]).toMatchObject({ type: 'joint-statement', status: 'draft' });
    expect(records.agendaItems.find((a) => a.id === 'asoen-36-joint-statement-cop30')?.outcomeDocumentIds).toEqual(['asean-joint-statement-climate-change-cop30']);
    expect(records.sources.every((s) => s.authority !== undefined)).toBe(true);
    expect(records.meetings.find((m) => m.id === 'adsom-2025')?.certainty?.fields?.startDate?.level).toBe('partial');
  });

  it('refuses broken links and contradictory certainty, each named with its record and field', () => {
    const records = structuredClone(builtinRecords());
    const meeting = records.meetings.find((m) => m.id === 'asoen-36')!;
    meeting.outcomeDocuments!.push({ ...meeting.outcomeDocuments![0]!, title: { en: 'Again' } });
    records.agendaItems[0]!.outcomeDocumentIds = ['no-such-document'];
    records.bodies[0]!.certainty = { fields: { nonsense: { level: 'verified' }, chair: { level: 'partial', supportedBy: ['no-such-source'] } } };
    records.bodies[1]!.chairHistory = [{ role: 'chair', country: 'MY', meetingId: 'asoen-99' }];
    expect(problems(records)).toEqual(
      expect.arrayContaining([
        'meetings › asoen-36 › outcomeDocuments.1.id: outcome document id "asean-joint-statement-climate-change-cop30" is used twice',
        'agendaItems › asoen-36-joint-statement-cop30 › outcomeDocumentIds.0: refers to unknown outcome documents "no-such-document"',
        `bodies › ${records.bodies[0]!.id} › certainty.fields.nonsense: gives the certainty of "nonsense", which this record does not have`,
        `bodies › ${records.bodies[0]!.id} › certainty.fields.chair.supportedBy.0: refers to unknown sources "no-such-source"`,
        `bodies › ${records.bodies[1]!.id} › chairHistory.0.meetingId: refers to unknown meetings "asoen-99"`,
      ]),
    );
  });

  it('a conflict names the sources on both sides; a chair term names someone; a range runs forwards', () => {
    const records = structuredClone(builtinRecords());
    records.bodies[0]!.certainty = { record: { level: 'conflicting', supportedBy: ['src-asoen-36-media-statement'] } };
    records.bodies[1]!.chairHistory = [{ role: 'co-chair', cycle: '2024–2027' }];
    expect(problems(records).join('\n')).toMatch(/conflicting fact names the sources on each side[\s\S]*names a country or a person/);
    expect(ApproximateDate.safeParse({ from: '2018', to: '2017' }).success).toBe(false);
    expect(ApproximateDate.safeParse({ from: '2017', to: '2018', qualifier: 'circa' }).success).toBe(true);
  });

  it('tags text in other languages with well-formed BCP 47 tags', () => {
    for (const tag of ['th', 'vi', 'km', 'zh-Hant', 'ms-Arab-MY', 'en-GB']) expect(LanguageTag.safeParse(tag).success, tag).toBe(true);
    for (const tag of ['', 'english', 'EN', 'zh_Hant', 'th-']) expect(LanguageTag.safeParse(tag).success, tag).toBe(false);
  });

  it('shows approximate dates as such in the three languages', () => {
    expect(formatApproximateDate({ from: '2017', qualifier: 'circa' }, 'en')).toBe('c. 2017');
    expect(formatApproximateDate({ from: '2017', to: '2018' }, 'ms')).toBe('2017–2018');
    expect(formatApproximateDate({ from: '2025', qualifier: 'early' }, 'id')).toBe('awal 2025');
    expect(formatApproximateDate('2025', 'en')).toBe('2025');
  });
});

describe('bundles across schema versions', () => {
  it('writes schema version 2 for records that need no more, still reads version 1, and asks for a newer app beyond what it reads', async () => {
    expect(RECORD_SCHEMA_VERSION).toBe(4);
    const signer = await newSigner();
    const v2 = await signedBundle(baseInput(builtinRecords()), [signer]);
    expect(await verifyBundle(v2, [signer.publicKey], options())).toMatchObject({ ok: true, manifest: { schemaVersion: 2 } });
    const older = await signedBundle(baseInput(asVersion1(builtinRecords())), [signer]);
    const v1 = await resignedWith(older, signer, (m) => ({ ...m, schemaVersion: 1 }));
    expect(await verifyBundle(v1, [signer.publicKey], options())).toMatchObject({ ok: true, manifest: { schemaVersion: 1 } });
    const newer = await resignedWith(v2, signer, (m) => ({ ...m, schemaVersion: RECORD_SCHEMA_VERSION + 1 }));
    expect(await verifyBundle(newer, [signer.publicKey], options())).toMatchObject({ ok: false, code: 'app-too-old' });
  });
});

describe('the bodies hierarchy groups by each body’s own pillar', () => {
  it('keeps defence and foreign-affairs bodies under political-security though they report to the cross-pillar Summit', () => {
    const tree = buildBodyTree(builtinRecords().bodies);
    const political = tree.roots.get('political-security') ?? [];
    expect(political).toEqual(expect.arrayContaining(['admm', 'amm']));
    expect(tree.roots.get('cross-pillar')).not.toContain('admm');
  });
});
