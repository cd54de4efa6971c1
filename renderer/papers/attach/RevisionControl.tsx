import { useState } from 'react';
import type { Paper } from '../../../shared/papers/model';
import type { ReanchorSummary } from '../../../shared/papers/reanchor';
import { useT } from '../../i18n/use-t';
import { attachRevision } from '../storage/papers-repo';
import { currentDelegate } from '../storage/who';
import { AttachControl } from './AttachControl';
import { IntakeStatus } from './IntakeStatus';
import { useIntake } from './use-intake';

/** Attaches a re-issued file (Rev.1, Rev.2...) as the paper's next version and says where its annotations went. */
export function RevisionControl({ paper }: { paper: Paper }) {
  const t = useT();
  const intake = useIntake();
  const [summary, setSummary] = useState<ReanchorSummary>();
  return (
    <span className="paper-revision">
      <AttachControl
        label={t('papers.revision.button')}
        inputLabel={t('papers.revision.input')}
        disabled={intake.state.phase === 'working'}
        onRefused={(name, problem) => intake.fail(name, problem)}
        onFile={(file) => {
          setSummary(undefined);
          void intake.run(file, async (inspected) => {
            const { summary } = await attachRevision(paper.id, inspected, await currentDelegate());
            setSummary(summary);
          });
        }}
      />
      <IntakeStatus intake={intake} />
      {summary && intake.state.phase === 'done' && (
        <span role="status" className="paper-reanchor-summary">
          {t('papers.revision.summary', { kept: summary.anchored + summary.moved + summary.fuzzy, orphaned: summary.orphaned })}
        </span>
      )}
    </span>
  );
}
