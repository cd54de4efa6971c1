import { useId, useState, type DragEvent } from 'react';
import { useLocation } from 'wouter';
import { useT } from '../../i18n/use-t';
import { openChosenFile } from '../lock/backup-protection';
import { FileSecretPrompt } from '../lock/FileSecretPrompt';
import { MarkingNeedsPassphraseError } from '../lock/marking-guard';
import { DerivationProgress } from '../lock/DerivationProgress';
import { applyBriefingImport, checkBriefingImport, type ImportCheck } from './briefing-export';
import { importCompanions } from './briefing-companions-transfer';

/** Imports a briefing file; never overwrites without asking, and says what differs. */
export function ImportBriefing() {
  const t = useT();
  const id = useId();
  const [, navigate] = useLocation();
  const [check, setCheck] = useState<ImportCheck | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  /** An encrypted file waiting for its passphrase (nothing is read from it, or written, until it opens). */
  const [locked, setLocked] = useState<{ text: string; wrong: boolean } | undefined>();

  const read = async (file: File | undefined) => {
    if (!file) return;
    await open(await file.text());
  };

  /** Imports, or says why a marking needs a passphrase first (nothing is written then). */
  const applyOrSay = async (apply: () => Promise<string>): Promise<string | undefined> => {
    try {
      return await apply();
    } catch (error) {
      if (!(error instanceof MarkingNeedsPassphraseError)) throw error;
      setMessage(t('lock.marking.refused', { marking: error.marking }));
      return undefined;
    }
  };

  const open = async (raw: string, secret?: { passphrase: string } | { recoveryKey: string }) => {
    setMessage(undefined);
    const opened = await openChosenFile(raw, secret);
    if (opened.kind === 'needs-secret') return setLocked({ text: raw, wrong: opened.wrong });
    setLocked(undefined);
    const result = await checkBriefingImport(opened.text);
    if (result.kind === 'invalid') setMessage(result.message);
    else if (result.kind === 'same') {
      // The same content: its comments and clearance may still be news here (a merge: nothing is overwritten).
      await importCompanions(result.incoming.briefing.id, result.incoming.companions);
      setMessage(t('briefings.import.same', { title: result.incoming.briefing.title }));
    }
    else if (result.kind === 'new') {
      const newId = await applyOrSay(() => applyBriefingImport(result.incoming, 'replace'));
      if (!newId) return;
      setMessage(t('briefings.import.done', { title: result.incoming.briefing.title }));
      navigate(`/briefings/${newId}`);
    } else setCheck(result);
  };

  const decide = async (mode: 'replace' | 'copy' | 'cancel') => {
    if (!check || check.kind !== 'conflict') return;
    setCheck(undefined);
    if (mode === 'cancel') return;
    const newId = await applyOrSay(() => applyBriefingImport(check.incoming, mode, t('briefings.import.copyTitle', { title: check.incoming.briefing.title })));
    if (!newId) return;
    setMessage(t('briefings.import.done', { title: check.incoming.briefing.title }));
    navigate(`/briefings/${newId}`);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void read(event.dataTransfer.files[0]);
  };

  return (
    <section className="panel import" aria-labelledby={`${id}-h`} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 id={`${id}-h`}>{t('briefings.import')}</h2>
      <label>
        {t('briefings.import.choose')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>{' '}
      <span className="muted">{t('briefings.import.drop')}</span>
      {locked && (
        <>
          <FileSecretPrompt wrong={locked.wrong} onSubmit={(secret) => void open(locked.text, secret)} onCancel={() => setLocked(undefined)} />
          <DerivationProgress />
        </>
      )}
      {message && (
        <p role="alert" className="import-message">
          {message}
        </p>
      )}
      {check?.kind === 'conflict' && (
        <div role="alertdialog" aria-labelledby={`${id}-c`} className="conflict">
          <h3 id={`${id}-c`}>{t('briefings.import.conflictTitle', { title: check.existing.title })}</h3>
          <p>{t('briefings.import.conflictIntro')}</p>
          <ul>
            {check.differences.fields.length > 0 && <li>{t('briefings.import.fields', { fields: check.differences.fields.join(', ') })}</li>}
            {check.differences.sectionsAdded.length > 0 && <li>{t('briefings.import.added', { items: check.differences.sectionsAdded.join('; ') })}</li>}
            {check.differences.sectionsRemoved.length > 0 && <li>{t('briefings.import.removed', { items: check.differences.sectionsRemoved.join('; ') })}</li>}
            {check.differences.sectionsChanged.map((c) => (
              <li key={c.title}>{t('briefings.import.changed', { title: c.title, fields: c.fields.join(', ') })}</li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => void decide('replace')}>
              {t('briefings.import.replace')}
            </button>
            <button type="button" className="primary" onClick={() => void decide('copy')}>
              {t('briefings.import.copy')}
            </button>
            <button type="button" onClick={() => void decide('cancel')}>
              {t('briefings.import.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
