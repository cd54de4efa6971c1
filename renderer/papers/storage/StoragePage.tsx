import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Loading, Page } from '../../components/Page';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { formatBytes } from '../attach/format-bytes';
import { OwnerLink } from '../attach/OwnerLink';
import { deletePaper } from './papers-repo';
import '../papers.css';

interface Estimate {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** `/papers`: every kept paper with the space its versions take, largest first, and the browser's quota. */
export function StoragePage() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const [estimate, setEstimate] = useState<Estimate>();
  const rows = useLiveQuery(async () => {
    const [papers, versions] = await Promise.all([db.papers.toArray(), db.paperVersions.toArray()]);
    return papers
      .map((paper) => {
        const own = versions.filter((v) => v.paperId === paper.id);
        return { paper, versions: own.length, bytes: own.reduce((n, v) => n + v.size, 0) };
      })
      .sort((a, b) => b.bytes - a.bytes);
  }, []);
  const refresh = () => {
    void (async () => {
      const storage = navigator.storage;
      if (!storage?.estimate) return setEstimate({});
      const [e, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(undefined)]);
      setEstimate({ usage: e.usage, quota: e.quota, persisted });
    })();
  };
  useEffect(refresh, [rows]);
  if (!rows) return <Loading />;
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  return (
    <Page title={t('papers.storage.title')}>
      <dl className="facts">
        <dt>{t('papers.storage.papers')}</dt>
        <dd>{t('papers.storage.papersValue', { count: rows.length, size: formatBytes(total, language) })}</dd>
        <dt>{t('papers.storage.used')}</dt>
        <dd>{estimate?.usage !== undefined && estimate.quota !== undefined ? t('papers.storage.usedValue', { used: formatBytes(estimate.usage, language), quota: formatBytes(estimate.quota, language) }) : t('papers.storage.unknown')}</dd>
        <dt>{t('papers.storage.persistent')}</dt>
        <dd>
          {estimate?.persisted ? (
            t('papers.storage.persisted')
          ) : (
            <>
              {t('papers.storage.notPersisted')}{' '}
              {navigator.storage?.persist && (
                <button type="button" onClick={() => void navigator.storage.persist().then(refresh)}>
                  {t('papers.storage.persist')}
                </button>
              )}
            </>
          )}
        </dd>
      </dl>
      {rows.length === 0 ? (
        <p>{t('papers.storage.none')}</p>
      ) : (
        <table className="paper-storage">
          <thead>
            <tr>
              <th scope="col">{t('papers.paper')}</th>
              <th scope="col">{t('papers.storage.keptWith')}</th>
              <th scope="col">{t('papers.storage.versions')}</th>
              <th scope="col">{t('papers.storage.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('papers.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ paper, versions, bytes }) => (
              <tr key={paper.id}>
                <td>
                  <Link href={`/papers/${paper.id}`}>{paper.title}</Link>
                </td>
                <td>
                  <OwnerLink owner={paper.owner} />
                </td>
                <td>{versions}</td>
                <td>{formatBytes(bytes, language)}</td>
                <td>
                  <DeleteButton onDelete={() => deletePaper(paper.id)} label={t('papers.storage.deleteNamed', { title: paper.title })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function DeleteButton({ onDelete, label }: { onDelete: () => Promise<void>; label: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" aria-label={label} onClick={() => setAsking(true)}>
        {t('papers.delete')}
      </button>
    );
  return (
    <span role="group" aria-label={label}>
      <button type="button" onClick={() => void onDelete()}>
        {t('papers.deleteConfirmShort')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('papers.cancel')}
      </button>
    </span>
  );
}
