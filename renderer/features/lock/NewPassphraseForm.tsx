import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { WrongSecretError } from '../../crypto/key-wrap';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { DerivationProgress } from './DerivationProgress';
import { newPassphraseProblem, PassphraseFields, type NewPassphrase } from './PassphraseFields';

export interface NewPassphraseFormProps {
  /** Heading and text above the fields (set-up, recovery), or nothing (inside a settings panel). */
  title?: string;
  intro?: ReactNode;
  /** Also asks for the current passphrase (a change in Settings). */
  askCurrent?: boolean;
  labels?: { passphrase: MessageKey; confirm: MessageKey };
  submit: MessageKey;
  working?: MessageKey;
  /** Does the work; a message key returned is shown as done (the form then empties). */
  onSubmit: (passphrase: string, current: string) => Promise<MessageKey | void>;
  className?: string;
  children?: ReactNode;
}

/**
 * The one form for choosing a passphrase: set-up at first run, a new one after the recovery
 * key, setting or changing it in Settings → Security. Checks length and the second copy before
 * anything runs, shows the key derivation's progress, and says plainly what went wrong.
 */
export function NewPassphraseForm({ title, intro, askCurrent, labels, submit, working, onSubmit, className = 'lock-card', children }: NewPassphraseFormProps) {
  const t = useT();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPassphrase>({ passphrase: '', confirm: '' });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = newPassphraseProblem(value);
    if (problem) return setMessage({ text: t(problem.key, problem.vars), ok: false });
    setBusy(true);
    setMessage(undefined);
    try {
      const done = await onSubmit(value.passphrase, current);
      if (done) {
        setMessage({ text: t(done), ok: true });
        setCurrent('');
        setValue({ passphrase: '', confirm: '' });
      }
    } catch (error) {
      const text = error instanceof WrongSecretError ? t('security.change.wrong') : t('lock.failed', { message: error instanceof Error ? error.message : String(error) });
      setMessage({ text, ok: false });
    }
    setBusy(false);
  };

  return (
    <form className={className} onSubmit={(e) => void send(e)} aria-busy={busy} aria-labelledby={title ? `${id}-title` : undefined}>
      {title && <h1 id={`${id}-title`}>{title}</h1>}
      {intro && <p>{intro}</p>}
      {askCurrent && (
        <>
          <label htmlFor={`${id}-current`}>{t('security.change.current')}</label>
          <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </>
      )}
      <PassphraseFields value={value} onChange={setValue} labels={labels} />
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <DerivationProgress />
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {busy && working ? t(working) : t(submit)}
        </button>
      </p>
      {children}
    </form>
  );
}
