import { dataKey } from '../../crypto/key-state';
import { WrongSecretError } from '../../crypto/key-wrap';
import { openEnvelope, readEnvelope, type OpenSecret } from '../../crypto/file-envelope';

export type OpenedFile = { kind: 'plain' | 'opened'; text: string } | { kind: 'needs-secret'; wrong: boolean };

/**
 * A chosen file's text, decrypted if it is encrypted: with this app's key when it was made
 * here, otherwise with the passphrase (or recovery key) the delegate types.
 */
export async function openChosenFile(text: string, secret?: Exclude<OpenSecret, { dataKey: CryptoKey }>): Promise<OpenedFile> {
  const envelope = readEnvelope(text);
  if (!envelope) return { kind: 'plain', text };
  const key = dataKey();
  const attempts: OpenSecret[] = [...(secret ? [secret] : []), ...(key && envelope.lock.kind === 'keyring' ? [{ dataKey: key }] : [])];
  for (const attempt of attempts) {
    try {
      return { kind: 'opened', text: await openEnvelope(envelope, attempt) };
    } catch (error) {
      if (!(error instanceof WrongSecretError)) throw error;
    }
  }
  return { kind: 'needs-secret', wrong: secret !== undefined };
}
