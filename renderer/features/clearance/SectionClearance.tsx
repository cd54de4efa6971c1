import { useMemo } from 'react';
import type { Section } from '../../../shared/briefing/model';
import { diffSection } from '../../../shared/clearance/briefing-diff';
import './clearance.css';
import { useT } from '../../i18n/use-t';
import { FieldChanges } from './DiffView';
import { useClearedContent } from './use-control';

/** "Changed since cleared" on a section, with its differences word by word; nothing when it is as cleared (or never was). */
export function SectionClearance({ section }: { section: Section }) {
  const t = useT();
  const cleared = useClearedContent(section.briefingId);
  const change = useMemo(() => {
    const content = cleared?.content;
    if (!content) return undefined;
    return diffSection(
      content.sections.find((s) => s.id === section.id),
      section,
    );
  }, [cleared, section]);
  if (!change) return null;
  return (
    <details className="section-clearance" open>
      <summary>
        <strong>{t(change.change === 'added' ? 'clearance.sectionAdded' : 'clearance.sectionChanged')}</strong>
      </summary>
      <p className="muted">{t('clearance.legend')}</p>
      <FieldChanges fields={change.fields} />
    </details>
  );
}
