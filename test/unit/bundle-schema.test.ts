import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleJsonSchema } from '../../shared/bundle/json-schema';

describe('docs/bundle.schema.json', () => {
  it('is the schema generated from the zod schemas (run: npm run bundle:schema)', () => {
    const committed = readFileSync('docs/bundle.schema.json', 'utf8');
    expect(committed).toBe(`${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
  });

  it('describes the format-2 header (3 for a layer), the manifest inside its string, and one payload line per record kind', () => {
    type Schema = {
      properties: { formatVersion: { enum: number[] }; manifest: { contentSchema: { required: string[] } } };
      $defs: { payloadLine: { oneOf: { prefixItems: [{ const: string }, unknown] }[] }; legacyBundle: { properties: { payload: { properties: object } } } };
    };
    const schema = bundleJsonSchema() as Schema;
    expect(schema.properties.formatVersion.enum).toEqual([2, 3]);
    expect(schema.properties.manifest.contentSchema.required).toEqual(
      expect.arrayContaining(['formatVersion', 'publisherId', 'datasetId', 'version', 'created', 'expires', 'schemaVersion', 'minAppVersion', 'recordCounts', 'payloadSha256', 'payloadBytes']),
    );
    expect(schema.$defs.payloadLine.oneOf.map((l) => l.prefixItems[0].const)).toEqual(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'contacts', 'removals']);
    expect(Object.keys(schema.$defs.legacyBundle.properties.payload.properties)).toEqual(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'contacts', 'removals']);
    // Contacts (record schema 4) may be left out: a bundle without them is what it was before.
    type Legacy = { $defs: { legacyBundle: { properties: { payload: { required: string[] } } } } };
    expect((schema as unknown as Legacy).$defs.legacyBundle.properties.payload.required).not.toContain('contacts');
  });
});
