/** Every way an update can fail has its own sentence, in each language the app speaks. */
import { describe, expect, it } from 'vitest';
import type { RefusalCode } from '../../shared/bundle/refusal';
import { FEED_ERROR_CODES } from '../../shared/ipc/contract';
import { LANGUAGES } from '../../shared/model';
import { catalogs, translate, type MessageKey } from '../../renderer/i18n/translate';
import { failureText, type FailureCode } from '../../renderer/features/sync/FailureAlert';
import type { SyncErrorCode } from '../../renderer/datasets/types';

// Listed by hand on purpose: a code added to the engine without a message fails the type check here.
const REFUSALS = {
  'too-large': 1, truncated: 1, 'not-json': 1, 'not-a-bundle': 1, 'wrong-format-version': 1, 'manifest-invalid': 1, 'signature-missing': 1,
  'unknown-key': 1, 'bad-signature': 1, 'payload-hash-mismatch': 1, 'records-invalid': 1, 'older-version': 1, 'same-version-different-content': 1, 'app-too-old': 1,
  'publisher-key-changed': 1, 'rotation-invalid': 1, 'rotation-revoked-key': 1, 'threshold-not-met': 1, 'version-out-of-range': 1, 'expired-feed': 1,
} satisfies Record<RefusalCode, 1>;
const ENGINE = {
  network: 1, 'http-status': 1, timeout: 1, 'not-https': 1, cancelled: 1, 'no-update': 1, 'unknown-token': 1, stale: 1, 'id-conflict': 1,
  'nothing-to-undo': 1, 'write-failed': 1, 'engine-failed': 1, 'base-missing': 1, 'base-too-old': 1, 'undeclared-base': 1, 'base-needed': 1,
} satisfies Record<SyncErrorCode, 1>;
const CODES = [...Object.keys(REFUSALS), ...Object.keys(ENGINE), ...FEED_ERROR_CODES, 'file-too-large', 'file-unreadable'] as FailureCode[];

describe('sync failure messages', () => {
  it.each(LANGUAGES)('each code has its own message in %s, written for that language', (lang) => {
    const texts = new Set<string>();
    for (const code of new Set(CODES)) {
      const key = `sync.error.${code}` as MessageKey;
      expect(catalogs[lang][key], `${lang} lacks ${key}`).toEqual(expect.any(String));
      texts.add(translate(lang, key));
    }
    expect(texts.size).toBe(new Set(CODES).size);
  });

  it('names the invalid records, capped at twenty with a count of the rest', () => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
    const ids = Array.from({ length: 23 }, (_, i) => `item-${i}`);
    const text = failureText(t, { code: 'records-invalid', message: '', problems: [], ids });
    expect(text).toBe(`The bundle contains invalid records (23): ${ids.slice(0, 20).join(', ')} (+3).`);
    expect(failureText((k, v) => translate('ms', k, v), { code: 'records-invalid', message: '', problems: [], ids: ['asoen-37'] })).toBe('Berkas mengandungi rekod yang tidak sah (1): asoen-37.');
  });
});
