import { useId } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../crypto/keyring';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
}

/** What is wrong with a new passphrase, or undefined when it can be used. */
export function newPassphraseProblem(value: NewPassphrase): { key: MessageKey; vars?: Record<string, number> } | undefined {
  if (value.passphrase.length < MIN_PASSPHRASE_LENGTH) return { key: 'lock.setup.tooShort', vars: { min: MIN_PASSPHRASE_LENGTH } };
  if (value.passphrase !== value.confirm) return { key: 'lock.setup.mismatch' };
  return undefined;
}

/** A new passphrase typed twice. Fields never autocomplete and are never remembered by the browser. */
export function PassphraseFields({ value, onChange, labels }: { value: NewPassphrase; onChange: (next: NewPassphrase) => void; labels?: { passphrase: MessageKey; confirm: MessageKey } }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-new`}>{t(labels?.passphrase ?? 'lock.setup.passphrase')}</label>
      <input id={`${id}-new`} type="password" autoComplete="new-password" value={value.passphrase} aria-describedby={`${id}-hint`} onChange={(e) => onChange({ ...value, passphrase: e.target.value })} />
      <p id={`${id}-hint`} className="muted">
        {t('lock.setup.hint', { min: MIN_PASSPHRASE_LENGTH })}
      </p>
      <label htmlFor={`${id}-confirm`}>{t(labels?.confirm ?? 'lock.setup.confirm')}</label>
      <input id={`${id}-confirm`} type="password" autoComplete="new-password" value={value.confirm} onChange={(e) => onChange({ ...value, confirm: e.target.value })} />
    </>
  );
}
