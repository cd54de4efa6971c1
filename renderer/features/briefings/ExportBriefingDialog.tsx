import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { saveTextFile } from '../../platform/platform';
import { DerivationProgress } from '../lock/DerivationProgress';
import { canProtectWithMyKey, protectFile, type FileProtection } from '../lock/file-protection';
import { newPassphraseProblem, PassphraseFields } from '../lock/PassphraseFields';
import { exportBriefing } from './briefing-export';

type Choice = FileProtection['kind'];

/**
 * "Export to file": protected with a passphrase for a colleague (the default), with the
 * delegate's own key, or plain. A brief marked above the lowest marking is never written plain.
 */
export function ExportBriefingDialog({ briefingId, marking, markings, beforeExport, onClose }: { briefingId: string; marking: string; markings: readonly string[]; beforeExport: () => Promise<void>; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const mine = canProtectWithMyKey();
  const plainAllowed = (markings.length === 0 ? DEFAULT_CLASSIFICATIONS[0] : markings[0]) === marking;
  const [choice, setChoice] = useState<Choice>('passphrase');
  const [value, setValue] = useState({ passphrase: '', confirm: '' });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (choice === 'passphrase') {
      const problem = newPassphraseProblem(value);
      if (problem) return setMessage({ text: t(problem.key, problem.vars), ok: false });
    }
    setBusy(true);
    setMessage(undefined);
    try {
      await beforeExport();
      const { fileName, text } = await exportBriefing(briefingId);
      const protection: FileProtection = choice === 'passphrase' ? { kind: 'passphrase', passphrase: value.passphrase } : { kind: choice };
      saveTextFile(fileName, await protectFile(text, 'briefing', protection));
      setValue({ passphrase: '', confirm: '' });
      setMessage({ text: t('briefings.exported', { file: fileName }), ok: true });
    } catch (error) {
      setMessage({ text: t('lock.failed', { message: error instanceof Error ? error.message : String(error) }), ok: false });
    }
    setBusy(false);
  };

  const option = (kind: Choice, label: string, disabled = false) => (
    <label className="choice">
      <input type="radio" name={`${id}-protection`} value={kind} checked={choice === kind} disabled={disabled} onChange={() => setChoice(kind)} /> {label}
    </label>
  );

  return (
    <form role="dialog" aria-labelledby={`${id}-title`} className="conflict export-dialog" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <h2 id={`${id}-title`}>{t('lock.export.title')}</h2>
      <fieldset className="plain">
        <legend>{t('lock.export.how')}</legend>
        {option('passphrase', t('lock.export.passphrase'))}
        {mine && option('mine', t('lock.export.mine'))}
        {option('plain', plainAllowed ? t('lock.export.plain') : t('lock.export.plainRefused', { marking }), !plainAllowed)}
      </fieldset>
      {choice === 'passphrase' && (
        <>
          <p className="muted">{t('lock.export.passphraseHint')}</p>
          <PassphraseFields value={value} onChange={setValue} labels={{ passphrase: 'lock.export.filePassphrase', confirm: 'lock.export.filePassphraseAgain' }} />
        </>
      )}
      {choice === 'plain' && <p className="muted">{t('lock.export.plainHint')}</p>}
      <DerivationProgress />
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <p className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('lock.export.save')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('lock.export.close')}
        </button>
      </p>
    </form>
  );
}
