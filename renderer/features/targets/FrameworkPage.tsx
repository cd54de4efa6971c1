import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { BodyLinks } from '../../components/BodyLinks';
import { Citations } from '../../components/Citations';
import { RecordCertainty } from '../facts/CertaintyBadge';
import { LocalText, OriginalText } from '../../components/LocalText';
import { Field, Loading, NotFound, Page } from '../../components/Page';
import { db } from '../../db/db';
import { formatDateRange } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';

export function FrameworkPage({ id }: { id: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const framework = useLiveQuery(async () => (await db.frameworks.get(id)) ?? null, [id]);
  const targets = useLiveQuery(() => db.targets.where('frameworkId').equals(id).sortBy('order'), [id]);
  if (framework === undefined) return <Loading />;
  if (framework === null) return <NotFound what={t('targets.framework')} id={id} />;
  return (
    <Page title={<LocalText value={framework.title} />} subtitle={t(`frameworkKind.${framework.kind}`)}>
      <OriginalText value={framework.title} />
      <RecordCertainty certainty={framework.certainty} />
      {framework.description && (
        <p className="description">
          <LocalText value={framework.description} />
        </p>
      )}
      <dl className="facts">
        <Field label={t('targets.period')}>
          {framework.periodStart && formatDateRange(framework.periodStart, framework.periodEnd, language)}
        </Field>
        <Field label={t('targets.owners')}>{framework.ownerBodyIds.length > 0 ? <BodyLinks ids={framework.ownerBodyIds} /> : undefined}</Field>
      </dl>
      <section aria-labelledby="framework-targets">
        <h2 id="framework-targets">{t('targets.count', { count: targets?.length ?? 0 })}</h2>
        <ul className="target-list framework-targets">
          {targets?.map((target) => (
            <li key={target.id}>
              <Link href={`/targets/${target.id}`}>
                <span className="code">{target.code}.</span> <LocalText value={target.text} />
              </Link>{' '}
              <span className="muted">{t(`progress.${target.progress.status}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <Citations citations={framework.sources} />
    </Page>
  );
}
