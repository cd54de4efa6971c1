/**
 * Writes docs/bundle.schema.json from the zod schemas in shared/bundle.
 * Usage: tsx scripts/generate-bundle-schema.ts [--check]   (--check: exit 1 if the file is out of date)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleJsonSchema } from '../shared/bundle/json-schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/bundle.schema.json', import.meta.url));
export const schemaText = (): string => `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== text) {
      console.error(`${SCHEMA_PATH} is out of date: run tsx scripts/generate-bundle-schema.ts`);
      process.exit(1);
    }
    console.log(`${SCHEMA_PATH} is up to date`);
  } else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`wrote ${SCHEMA_PATH}`);
  }
}
