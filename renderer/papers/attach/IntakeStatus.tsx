import { useT } from '../../i18n/use-t';
import type { Intake, IntakeState, Refusal } from './use-intake';
import { MAX_PAPER_MB } from './use-intake';

/** Progress and the outcome of an attach, and every file refused until it is dismissed, read out by screen readers. */
export function IntakeStatus({ intake }: { intake: Intake }) {
  return (
    <>
      {intake.refusals.map((refusal) => (
        <RefusalNotice key={refusal.id} refusal={refusal} onDismiss={() => intake.dismiss(refusal.id)} />
      ))}
      <Progress state={intake.state} onCancel={intake.cancel} onDismiss={intake.clear} />
    </>
  );
}

function Progress({ state, onCancel, onDismiss }: { state: IntakeState; onCancel: () => void; onDismiss: () => void }) {
  const t = useT();
  if (state.phase === 'idle') return null;
  if (state.phase === 'working') {
    const { progress } = state;
    return (
      <div className="paper-intake" role="status">
        {progress.phase === 'reading' ? t('papers.intake.reading', { name: state.name }) : t('papers.intake.text', { name: state.name, done: progress.done, total: progress.total })}
        {progress.phase === 'text' && <progress max={progress.total} value={progress.done} />}
        <button type="button" onClick={onCancel}>
          {t('papers.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="paper-intake" role="status">
      {t('papers.intake.done', { name: state.name })}
      {state.note === 'scripts' && <> {t('papers.intake.scripts')}</>}
      <button type="button" onClick={onDismiss}>
        {t('papers.dismiss')}
      </button>
    </div>
  );
}

function RefusalNotice({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="paper-intake paper-intake-failed" role="alert">
      <p>
        <strong>{t('papers.intake.refused', { name: refusal.name })}</strong> {t(`papers.problem.${refusal.problem}`, { limit: MAX_PAPER_MB })}
      </p>
      <p className="muted">{t('papers.intake.unchanged')}</p>
      <button type="button" onClick={onDismiss}>
        {t('papers.dismiss')}
      </button>
    </div>
  );
}
