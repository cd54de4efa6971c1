/**
 * `npm run dataset`, end to end in a temporary folder: the commands run as a publisher would
 * run them (node --import tsx scripts/dataset.ts), and their files, output and exit codes are checked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/dataset.ts');
// The commands run in a temporary folder, where a bare "tsx" would not resolve.
const TSX = import.meta.resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'dataset-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataset(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', TSX, SCRIPT, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1790000000' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const path = (name: string) => join(dir, name);
const readJson = (name: string) => JSON.parse(readFileSync(path(name), 'utf8')) as Record<string, unknown>;
/** A format-2 bundle file: its header line, and its payload lines grouped by kind. */
function readBundleFile(name: string): { formatVersion: number; manifest: string; signatures: unknown[]; payload: Record<string, unknown[]> } {
  const [header, ...lines] = readFileSync(path(name), 'utf8').split('\n');
  const payload: Record<string, unknown[]> = {};
  for (const line of lines.filter((l) => l !== '')) {
    const [kind, value] = JSON.parse(line) as [string, unknown];
    (payload[kind] ??= []).push(value);
  }
  return { ...(JSON.parse(header!) as { formatVersion: number; manifest: string; signatures: unknown[] }), payload };
}

describe('npm run dataset', () => {
  it('prints help, and refuses unknown commands and bad options with a clear message', () => {
    const help = dataset('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/keygen[\s\S]*build[\s\S]*sign[\s\S]*verify[\s\S]*diff/);
    const unknown = dataset('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
    const noOut = dataset('keygen');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out is required');
    const badOption = dataset('build', 'src', '--out', 'x.json', '--expires-days', 'soon');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--expires-days must be a positive whole number');
  });

  it('keygen → build → sign → verify → diff, and a tampered bundle fails verify', () => {
    // keygen: a secret key only its owner can read, and never an overwrite.
    const keygen = dataset('keygen', '--out', 'keys');
    expect(keygen.code, keygen.stderr).toBe(0);
    expect(statSync(path('keys/publisher.key')).mode & 0o777).toBe(0o600);
    const publicKey = readFileSync(path('keys/publisher.pub'), 'utf8').trim();
    expect(publicKey).toMatch(/^aseandb-ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(keygen.stdout).toContain(publicKey);
    const again = dataset('keygen', '--out', 'keys');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(path('keys/publisher.pub'), 'utf8').trim()).toBe(publicKey);
    expect(dataset('keygen', '--out', 'keys', '--name', 'other').code).toBe(0);

    // build v1 from the built-in dataset; it is unsigned, so verify refuses it.
    cpSync(resolve('assets/dataset'), path('src'), { recursive: true });
    const build1 = dataset('build', 'src', '--out', 'v1.json', '--publisher', 'asean-secretariat', '--changelog', 'First release');
    expect(build1.code, build1.stderr).toBe(0);
    expect(dataset('verify', 'v1.json', '--pub', 'keys/publisher.pub').stderr).toContain('REFUSED (signature-missing)');

    // sign and verify; a key the user does not trust is refused.
    const sign1 = dataset('sign', 'v1.json', '--key', 'keys/publisher.key');
    expect(sign1.code, sign1.stderr).toBe(0);
    const ok = dataset('verify', 'v1.json', '--pub', 'keys/publisher.pub');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK: v1\.json is asean-builtin v1/);
    expect(ok.stdout).toContain('format 2;');
    expect(dataset('sign', 'v1.json', '--key', 'keys/publisher.key').stderr).toContain('already signed');
    const stranger = dataset('verify', 'v1.json', '--pub', 'keys/other.pub');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('REFUSED (unknown-key)');
    // The key may be given as pasted text too.
    expect(dataset('verify', 'v1.json', '--pub', publicKey).code).toBe(0);

    // v2: a meeting renamed and a target removed; --previous adds its tombstone.
    const meetings = JSON.parse(readFileSync(path('src/meetings.json'), 'utf8')) as { id: string; title: { en?: string } }[];
    const asoen = meetings.find((m) => m.id === 'asoen-36')!;
    asoen.title.en = 'Renamed meeting';
    writeFileSync(path('src/meetings.json'), JSON.stringify(meetings));
    const targets = JSON.parse(readFileSync(path('src/targets.json'), 'utf8')) as { id: string }[];
    const removed = targets.pop()!;
    writeFileSync(path('src/targets.json'), JSON.stringify(targets));
    const stale = dataset('build', 'src', '--out', 'v2.json', '--previous', 'v1.json');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('raise the version');
    const manifest = readJson('src/manifest.json');
    writeFileSync(path('src/manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
    const build2 = dataset('build', 'src', '--out', 'v2.json', '--previous', 'v1.json', '--changelog', 'ASOEN-36 renamed');
    expect(build2.code, build2.stderr).toBe(0);
    expect(build2.stdout).toContain('1 removals');
    expect(dataset('sign', 'v2.json', '--key', 'keys/publisher.key').code).toBe(0);
    expect(dataset('sign', 'v2.json', '--key', 'keys/other.key').stdout).toContain('2 signature(s)');
    const v2 = readBundleFile('v2.json');
    expect(v2.formatVersion).toBe(2);
    expect(v2.payload.removals).toEqual([{ kind: 'targets', id: removed.id }]);
    expect(JSON.parse(v2.manifest)).toMatchObject({ version: 2, changelog: [{ version: 1, notes: 'First release' }, { version: 2, notes: 'ASOEN-36 renamed' }] });
    expect(dataset('verify', 'v2.json', '--pub', 'keys/other.pub').code).toBe(0);
    const older = dataset('verify', 'v1.json', '--pub', 'keys/publisher.pub', '--installed-version', '2', '--installed-hash', JSON.parse(v2.manifest).payloadSha256);
    expect(older.stderr).toContain('REFUSED (older-version)');

    // diff: counts and the field change.
    const diff = dataset('diff', 'v1.json', 'v2.json');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('meetings: 0 added, 1 changed, 0 removed');
    expect(diff.stdout).toContain(`targets: 0 added, 0 changed, 1 removed`);
    expect(diff.stdout).toContain(`- ${removed.id}`);
    expect(diff.stdout).toMatch(/~ asoen-36\n\s+title\.en: ".*" → "Renamed meeting"/);

    // Tampering with the payload of the signed file: verify says so and exits 1.
    writeFileSync(path('tampered.json'), readFileSync(path('v2.json'), 'utf8').replace('Renamed meeting', 'Cancelled meeting'));
    const tampered = dataset('verify', 'tampered.json', '--pub', 'keys/publisher.pub');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('REFUSED (payload-hash-mismatch)');
    // A publisher is stopped from signing a bundle whose payload was changed after it was built.
    expect(dataset('build', 'src', '--out', 'unsigned.json').code).toBe(0);
    writeFileSync(path('unsigned.json'), readFileSync(path('unsigned.json'), 'utf8').replace('Renamed meeting', 'Cancelled meeting'));
    const refused = dataset('sign', 'unsigned.json', '--key', 'keys/publisher.key');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to sign');
    expect(readBundleFile('unsigned.json').signatures).toEqual([]);
  }, 120_000);

  it('explains bad input files', () => {
    writeFileSync(path('garbage.json'), '{"manifest": ');
    const truncated = dataset('verify', 'garbage.json', '--pub', 'keys/publisher.pub');
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('REFUSED (truncated)');
    expect(dataset('verify', 'missing.json', '--pub', 'keys/publisher.pub').stderr).toContain('no such file');
    expect(dataset('verify', 'v1.json', '--pub', 'keys/publisher.key').stderr).toContain('not a public key');
    expect(dataset('sign', 'v1.json', '--key', 'keys/publisher.pub').stderr).toContain('not a private key file');
    expect(dataset('diff', 'garbage.json', 'v1.json').stderr).toContain('not valid JSON');
    const broken = dataset('build', 'keys', '--out', 'x.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('cannot read the dataset folder');
  }, 60_000);

  it('prints nothing from a file raw: escape sequences and bidirectional controls are shown escaped', () => {
    cpSync(resolve('assets/dataset'), path('evil'), { recursive: true });
    const meetings = JSON.parse(readFileSync(path('evil/meetings.json'), 'utf8')) as { id: string; title: { en?: string } }[];
    // OSC "set window title", a C1 CSI (U+009B) colouring the rest, a right-to-left override, a fake line of output.
    meetings[0]!.title.en = 'Agenda \u001b]0;pwned\u0007 \u009b31mred \u202eevil\nOK: forged line';
    writeFileSync(path('evil/meetings.json'), JSON.stringify(meetings));
    const manifest = readJson('evil/manifest.json');
    writeFileSync(path('evil/manifest.json'), JSON.stringify({ ...manifest, title: 'Data \u001b[2J cleared', version: 5 }));
    expect(dataset('build', 'evil', '--out', 'evil.json').code).toBe(0);
    expect(dataset('sign', 'evil.json', '--key', 'keys/publisher.key').code).toBe(0);
    const outputs = [dataset('verify', 'evil.json', '--pub', 'keys/publisher.pub'), dataset('diff', 'v1.json', 'evil.json', '--limit', '1000')];
    for (const run of outputs) {
      expect(run.code, run.stderr).toBe(0);
      // eslint-disable-next-line no-control-regex -- the test is about control characters
      expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(run.stdout).not.toMatch(/^OK: forged line/m);
    }
    expect(outputs[0]!.stdout).toContain('Data \\u001b[2J cleared');
    expect(outputs[1]!.stdout).toContain('\\u009b31mred \\u202eevil\\nOK: forged line');
  }, 60_000);

  it('refuses files nested deeper than any record, with a message and no stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    cpSync(resolve('assets/dataset'), path('deep'), { recursive: true });
    writeFileSync(path('deep/targets.json'), deep);
    const build = dataset('build', 'deep', '--out', 'deep.json');
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/targets\.json: it is nested 100000 levels deep; at most 64 are allowed/);
    writeFileSync(path('deep-bundle.json'), deep);
    const verify = dataset('verify', 'deep-bundle.json', '--pub', 'keys/publisher.pub');
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('REFUSED (not-a-bundle)');
    const diff = dataset('diff', 'deep-bundle.json', 'v1.json');
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain('nested 100000 levels deep');
    for (const run of [build, verify, diff]) expect(run.stderr).not.toContain('Maximum call stack');
  }, 60_000);
});

describe('npm run dataset: keys, rotation and long diffs', () => {
  it('rotate hands a dataset to a new key; the app then refuses the old binding being skipped', () => {
    for (const name of ['old', 'new', 'thief']) expect(dataset('keygen', '--out', 'rk', '--name', name).code).toBe(0);
    cpSync(resolve('assets/dataset'), path('rsrc'), { recursive: true });
    const manifest = readJson('rsrc/manifest.json');
    writeFileSync(path('rsrc/manifest.json'), JSON.stringify({ ...manifest, version: 5 }));
    expect(dataset('build', 'rsrc', '--out', 'r5.json').code).toBe(0);
    const installed = ['--installed-version', '4', '--installed-hash', 'x', '--installed-key', 'rk/old.pub'];

    // Signed by another key without a rotation: a takeover, refused.
    expect(dataset('sign', 'r5.json', '--key', 'rk/thief.key', '--out', 'stolen.json').code).toBe(0);
    const stolen = dataset('verify', 'stolen.json', '--pub', 'rk/thief.pub', '--pub', 'rk/old.pub', ...installed);
    expect(stolen.code).toBe(1);
    expect(stolen.stderr).toContain('REFUSED (publisher-key-changed)');

    // Rotated by the old key, signed by the new one: accepted, and said.
    const rotated = dataset('rotate', 'r5.json', '--key', 'rk/old.key', '--new-pub', 'rk/new.pub');
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('unsigned');
    expect(dataset('sign', 'r5.json', '--key', 'rk/new.key').code).toBe(0);
    const ok = dataset('verify', 'r5.json', '--pub', 'rk/old.pub', ...installed);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('KEY ROTATION');
    // A rotation "signed" by the thief's key instead is refused.
    expect(dataset('build', 'rsrc', '--out', 'r5b.json').code).toBe(0);
    expect(dataset('rotate', 'r5b.json', '--key', 'rk/thief.key', '--new-pub', 'rk/thief.pub').code).toBe(0);
    expect(dataset('sign', 'r5b.json', '--key', 'rk/thief.key').code).toBe(0);
    expect(dataset('verify', 'r5b.json', '--pub', 'rk/old.pub', '--pub', 'rk/thief.pub', ...installed).stderr).toContain('REFUSED (publisher-key-changed)');

    // The next build keeps the rotation, so an app that missed it can still follow.
    writeFileSync(path('rsrc/manifest.json'), JSON.stringify({ ...manifest, version: 6 }));
    expect(dataset('build', 'rsrc', '--out', 'r6.json', '--previous', 'r5.json').code).toBe(0);
    expect(dataset('sign', 'r6.json', '--key', 'rk/new.key').code).toBe(0);
    expect(dataset('verify', 'r6.json', '--pub', 'rk/old.pub', ...installed).code).toBe(0);
  }, 120_000);

  it('diff shows the part of a long text that changed, and survives a closed pipe', () => {
    cpSync(resolve('assets/dataset'), path('dsrc'), { recursive: true });
    expect(dataset('build', 'dsrc', '--out', 'd1.json').code).toBe(0);
    const meetings = JSON.parse(readFileSync(path('dsrc/meetings.json'), 'utf8')) as { id: string; title: { en?: string } }[];
    const long = 'The meeting reviewed the implementation of the work plan and agreed on the next steps for cooperation. ';
    meetings.forEach((m, i) => (m.title.en = `${long}${long}Item ${i} was adopted.${long}`));
    writeFileSync(path('dsrc/meetings.json'), JSON.stringify(meetings));
    const changed = [...meetings];
    changed[0] = { ...changed[0]!, title: { ...changed[0]!.title, en: changed[0]!.title.en!.replace('was adopted', 'was deferred') } };
    expect(dataset('build', 'dsrc', '--out', 'd2.json').code).toBe(0);
    writeFileSync(path('dsrc/meetings.json'), JSON.stringify(changed));
    expect(dataset('build', 'dsrc', '--out', 'd3.json').code).toBe(0);
    const diff = dataset('diff', 'd2.json', 'd3.json');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/title\.en: ….*was adopted.*… → ….*was deferred.*…/);

    // Many long lines into `head`: the tool stops quietly when the reader goes away.
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" --import "${TSX}" "${SCRIPT}" diff d1.json d2.json --limit 100000 | head -n 1; echo "status \${PIPESTATUS[0]}"`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(piped.stderr).not.toContain('EPIPE');
    expect(piped.stdout).toContain('status 0');
  }, 120_000);
});
