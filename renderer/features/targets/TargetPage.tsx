import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { BodyLinks, MeetingLinks } from '../../components/BodyLinks';
import { Citations } from '../../components/Citations';
import { RecordCertainty } from '../facts/CertaintyBadge';
import { TargetBriefings } from '../briefings/MeetingBriefings';
import { LocalText, OriginalText } from '../../components/LocalText';
import { Field, Page } from '../../components/Page';
import { RecordPage } from '../../components/RecordPage';
import { db } from '../../db/db';
import type { StoredTarget } from '../../db/schema';
import { formatPartialDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { OutcomeDocumentLinks } from '../facts/OutcomeDocumentLinks';

export function TargetPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RecordPage table={db.targets} id={id} what={t('targets.title')}>
      {(target) => <TargetDetail target={target} />}
    </RecordPage>
  );
}

function TargetDetail({ target }: { target: StoredTarget }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const framework = useLiveQuery(() => db.frameworks.get(target.frameworkId), [target.frameworkId]);
  return (
    <Page
      title={
        <>
          <span className="code">{target.code}.</span> <LocalText value={target.text} />
        </>
      }
      subtitle={framework && <LocalText value={framework.title} />}
    >
      <OriginalText value={target.text} />
      <RecordCertainty certainty={target.certainty} />
      <dl className="facts">
        <Field label={t('targets.framework')}>
          {framework && (
            <Link href={`/frameworks/${framework.id}`}>
              <LocalText value={framework.title} />
            </Link>
          )}
        </Field>
        <Field label={t('targets.progress')}>
          {t(`progress.${target.progress.status}`)}
          {target.progress.asOf && ` (${formatPartialDate(target.progress.asOf, language)})`}
          {target.progress.note && (
            <>
              {' — '}
              <LocalText value={target.progress.note} />
            </>
          )}
        </Field>
        <Field label={t('targets.owners')}>{target.ownerBodyIds.length > 0 ? <BodyLinks ids={target.ownerBodyIds} /> : undefined}</Field>
        <Field label={t('targets.meetings')}>{target.meetingIds.length > 0 ? <MeetingLinks ids={target.meetingIds} /> : undefined}</Field>
        <Field label={t('facts.outcomeDocuments')}>{target.outcomeDocumentIds && target.outcomeDocumentIds.length > 0 ? <OutcomeDocumentLinks ids={target.outcomeDocumentIds} /> : undefined}</Field>
      </dl>
      <TargetBriefings targetId={target.id} />
      <Citations citations={target.sources} />
    </Page>
  );
}
