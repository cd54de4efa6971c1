import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';

export const packPath = (briefingId: string) => `/briefings/${encodeURIComponent(briefingId)}/pack`;

/**
 * Where "Print pack" leads (File menu, Ctrl+P): straight to the pack of the briefing that was
 * open in the editor, else a choice of briefings, the most recently changed first.
 */
export function PacksPage() {
  const t = useT();
  const [, navigate] = useLocation();
  // The editor's draft is still in the store on this page's first render (it closes after saving).
  const [openId] = useState(() => useAppStore.getState().draft?.briefing.id);
  // The editor closes its draft once everything is saved; the pack is read after that.
  const draftOpen = useAppStore((s) => s.draft !== undefined);
  useEffect(() => {
    if (openId && !draftOpen) navigate(packPath(openId), { replace: true });
  }, [openId, draftOpen, navigate]);
  const briefings = useLiveQuery(() => db.briefings.orderBy('updatedAt').reverse().toArray(), []);
  if (openId) return null;
  const latest = briefings?.[0];
  return (
    <Page title={t('packs.choose')}>
      <p>{t('packs.chooseHint')}</p>
      {briefings && briefings.length === 0 && <p>{t('packs.noBriefings')}</p>}
      {latest && (
        <p>
          <Link href={packPath(latest.id)} className="button primary">
            {t('packs.lastOpen', { title: latest.title })}
          </Link>
        </p>
      )}
      {briefings && briefings.length > 1 && (
        <ul className="pack-briefing-list">
          {briefings.map((b) => (
            <li key={b.id}>
              <Link href={packPath(b.id)}>{b.title}</Link> <span className="marking-small">{b.classification}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
