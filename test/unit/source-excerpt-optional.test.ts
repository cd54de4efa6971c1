import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, validateDataset } from '../../shared/dataset/validate';
import { Source } from '../../shared/model';
import { sourceDoc } from '../../shared/search/from-records';

/* A source's excerpt is optional and its authority noted (issue 16); datasets with excerpts stay valid. */

const report = { id: 'src-report', title: { en: 'Report' }, kind: 'report', publisher: 'A news agency', language: 'th', authority: 'news-agency' } as const;

describe('a source without an excerpt', () => {
  it('validates, in any BCP 47 language, with or without its authority', () => {
    expect(Source.safeParse(report).success).toBe(true);
    expect(Source.safeParse({ ...report, authority: undefined, language: 'zh-Hans' }).success).toBe(true);
    expect(Source.safeParse({ ...report, excerpt: 'ข้อความ' }).success).toBe(true);
  });

  it('still refuses an empty excerpt, an unknown authority and a malformed language', () => {
    const issues = (value: unknown) => (Source.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...report, excerpt: '' })).toEqual(['excerpt']);
    expect(issues({ ...report, authority: 'blog' })).toEqual(['authority']);
    expect(issues({ ...report, language: 'Thai' })).toEqual(['language']);
  });

  it('is indexed for search by its title and publisher, with no empty text', () => {
    const doc = sourceDoc(Source.parse(report));
    expect(doc.text).toEqual([]);
    expect(doc.keywords).toContain('A news agency');
  });
});

describe('the publisher tool (validate-dataset)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const validate = (change: (sources: Record<string, unknown>[]) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-dataset-'));
    dirs.push(dir);
    cpSync(resolve('assets/dataset'), dir, { recursive: true });
    const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<string, unknown>[];
    change(sources);
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
    return spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), resolve('scripts/validate-dataset.ts'), dir], { encoding: 'utf8' });
  };

  it('accepts the built-in dataset (every source with an excerpt) and the same dataset with excerpts left out', () => {
    const withExcerpts = validate(() => {});
    expect(withExcerpts.stderr).toBe('');
    expect(withExcerpts.status).toBe(0);
    const without = validate((sources) => sources.forEach((s) => delete s.excerpt));
    expect(without.stderr).toBe('');
    expect(without.status).toBe(0);
    expect(without.stdout).toMatch(/valid \(4 sources,/);
  });

  it('names the source and field of a bad authority', () => {
    const run = validate((sources) => (sources[0]!.authority = 'rumour'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/sources.*authority/);
  });
});

describe('formatProblem', () => {
  it('is what the tool prints for a dataset problem', () => {
    const result = validateDataset({ sources: [{ ...report, excerpt: '' }], bodies: [], meetings: [], agendaItems: [], frameworks: [], targets: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem).join('\n')).toMatch(/excerpt/);
  });
});
