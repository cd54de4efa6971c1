import { dataKey } from '../../crypto/key-state';
import { readKeyring } from '../../crypto/keyring';
import { sealWithDataKey, sealWithExportPassphrase, type EncryptedFile } from '../../crypto/file-envelope';
import { db } from '../../db/db';

/**
 * How a file leaving the app is protected:
 * - 'mine': under the delegate's own key (opens here at once, elsewhere with their passphrase
 *   or recovery key); only while a passphrase is set and the app is unlocked;
 * - 'passphrase': under a passphrase chosen for this file, to hand to a colleague;
 * - 'plain': readable by anyone who has the file.
 */
export type FileProtection = { kind: 'mine' } | { kind: 'passphrase'; passphrase: string } | { kind: 'plain' };

export async function protectFile(text: string, content: EncryptedFile['content'], protection: FileProtection): Promise<string> {
  if (protection.kind === 'plain') return text;
  if (protection.kind === 'passphrase') return sealWithExportPassphrase(text, content, protection.passphrase);
  const key = dataKey();
  const keyring = await readKeyring(db);
  if (!key || keyring?.mode !== 'passphrase') throw new Error('No passphrase is set: the file cannot be protected with your own key.');
  return sealWithDataKey(text, content, keyring, key);
}

/** Whether 'mine' can be offered: a passphrase is set and the key is in memory. */
export function canProtectWithMyKey(): boolean {
  return dataKey() !== undefined;
}
