import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/** The delegation's list of classification markings (OFFICIAL, RESTRICTED, CONFIDENTIAL by default). */
export function MarkingsSettings() {
  const t = useT();
  const id = useId();
  const stored = useLiveQuery(async () => ((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS], []);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    if (stored) setText(stored.join('\n'));
  }, [stored]);
  const save = async () => {
    const list = [...new Set(text.split('\n').map((l) => l.trim().toUpperCase()).filter(Boolean))].slice(0, 20);
    if (list.length === 0) {
      setMessage(t('briefings.markings.empty'));
      return;
    }
    await db.settings.put({ key: 'classifications', value: list });
    setMessage(t('briefings.markings.saved'));
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('briefings.markings.title')}</h2>
      <label htmlFor={`${id}-t`}>{t('briefings.markings.hint')}</label>
      <textarea id={`${id}-t`} rows={4} value={text} onChange={(e) => setText(e.target.value)} className="markings-input" />
      <p>
        <button type="button" onClick={() => void save()}>
          {t('briefings.markings.save')}
        </button>{' '}
        {message && <span role="status">{message}</span>}
      </p>
    </section>
  );
}
