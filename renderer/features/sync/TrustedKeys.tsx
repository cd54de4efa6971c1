import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { addTrustedKey, removeTrustedKey } from '../../datasets/dataset-updates';
import { useTrustedKeys } from './dataset-queries';
import { Fingerprint, useDateTime } from './parts';
import type { AddKeyResult, TrustedKey } from '../../datasets/types';

/** A `.pub` file is one line; anything much larger is not a public key. */
const MAX_KEY_FILE_BYTES = 4096;

/** The publishers' keys the delegate trusts: listed with fingerprints, added, removed. */
export function TrustedKeys() {
  const t = useT();
  const id = useId();
  const keys = useTrustedKeys();
  return (
    <section className="panel" aria-labelledby={`${id}-keys`}>
      <h2 id={`${id}-keys`}>{t('sync.keys.title')}</h2>
      <p className="muted">{t('sync.keys.intro')}</p>
      {keys && keys.length === 0 && <p>{t('sync.keys.none')}</p>}
      {keys && keys.length > 0 && (
        <ul className="sync-keys">
          {keys.map((key) => (
            <KeyRow key={key.keyId} trusted={key} />
          ))}
        </ul>
      )}
      <AddKeyForm />
    </section>
  );
}

function KeyRow({ trusted }: { trusted: TrustedKey }) {
  const t = useT();
  const date = useDateTime();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="sync-key">
      <div>
        <strong>{trusted.label}</strong> <span className="muted">{t('sync.keys.keyId', { id: trusted.keyId })}</span>
      </div>
      <div>
        <span className="visually-hidden">{t('sync.keys.fingerprint')}: </span>
        <Fingerprint value={trusted.fingerprint} />
      </div>
      <div className="muted">{t('sync.keys.added', { date: date(trusted.addedAt) })}</div>
      {trusted.builtIn ? (
        <span className="badge">{t('sync.keys.builtIn')}</span>
      ) : confirming ? (
        <div role="alertdialog" aria-label={t('sync.keys.removeTitle', { label: trusted.label })} className="conflict">
          <p>{t('sync.keys.removeConfirm', { label: trusted.label })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void removeTrustedKey(trusted.keyId)}>
              {t('sync.keys.removeYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('sync.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={t('sync.keys.removeNamed', { label: trusted.label })}>
          {t('sync.keys.remove')}
        </button>
      )}
    </li>
  );
}

function AddKeyForm() {
  const t = useT();
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const [result, setResult] = useState<AddKeyResult | { ok: false; code: 'file-too-large' } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await addTrustedKey(text.trim(), label.trim());
    setResult(added);
    if (added.ok) {
      setLabel('');
      setText('');
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      setResult({ ok: false, code: 'file-too-large' });
      return;
    }
    setText((await file.text()).trim());
    if (!label) setLabel(file.name.replace(/\.pub$/i, ''));
    setResult(undefined);
  };

  return (
    <form className="form sync-add-key" onSubmit={(e) => void submit(e)}>
      <h3>{t('sync.keys.addTitle')}</h3>
      <label>
        {t('sync.keys.label')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
      </label>
      <label>
        {t('sync.keys.paste')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} spellCheck={false} placeholder="aseandb-ed25519:…" className="code" />
      </label>
      <label>
        {t('sync.keys.fromFile')}
        <input
          type="file"
          accept=".pub,text/plain"
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted">{t('sync.keys.compareHint')}</p>
      <div>
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('sync.keys.add')}
        </button>
      </div>
      {result &&
        (result.ok ? (
          <p role="status" className="import-message">
            {t('sync.keys.addedOk', { label: result.key.label })} <Fingerprint value={result.key.fingerprint} />
          </p>
        ) : (
          <p role="alert" className="sync-alert">
            {t(`sync.keys.error.${result.code}`)}
          </p>
        ))}
    </form>
  );
}
