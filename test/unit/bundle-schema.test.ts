import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleJsonSchema } from '../../shared/bundle/json-schema';

describe('docs/bundle.schema.json', () => {
  it('is the schema generated from the zod schemas (run: npx tsx scripts/generate-bundle-schema.ts)', () => {
    const committed = readFileSync('docs/bundle.schema.json', 'utf8');
    expect(committed).toBe(`${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
  });

  it('describes the manifest inside its string, with the fields a publisher must write', () => {
    const schema = bundleJsonSchema() as { properties: { manifest: { contentSchema: { required: string[] } }; payload: { properties: object } } };
    expect(schema.properties.manifest.contentSchema.required).toEqual(
      expect.arrayContaining(['formatVersion', 'publisherId', 'datasetId', 'version', 'created', 'expires', 'schemaVersion', 'minAppVersion', 'recordCounts', 'payloadSha256', 'payloadBytes']),
    );
    expect(Object.keys(schema.properties.payload.properties)).toEqual(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'removals']);
  });
});
