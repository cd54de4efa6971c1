import { readFileSync } from 'node:fs';
// A dependency of electron-builder: the list of fuses the Electron binary has.
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

/* The Electron fuses electron-builder flips in the packaged binary (electron-builder.yml). */

/** The `electronFuses:` block of the YAML file: `key: true|false` lines, comments skipped. */
function fusesIn(yaml: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line === 'electronFuses:');
  expect(start).toBeGreaterThan(-1);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = /^ {2}(\w+): (true|false)$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

const fuses = fusesIn(readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml fuses', () => {
  it('sets each fuse to the hardened value', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides every fuse the Electron binary has (a new one after an upgrade fails here)', () => {
    const known = Object.keys(FuseV1Options)
      .filter((key) => Number.isNaN(Number(key)))
      .map((key) => key[0]!.toLowerCase() + key.slice(1));
    expect(Object.keys(fuses).sort()).toEqual(known.sort());
  });

  it('ships the app in an integrity-checked asar', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^asar: true$/m);
  });
});
