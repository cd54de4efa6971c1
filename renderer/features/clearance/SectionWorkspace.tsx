import type { Section } from '../../../shared/briefing/model';
import { SectionAssignment } from '../assignments/SectionAssignment';
import { SectionClearance } from './SectionClearance';

/** What the delegation workspace adds to a section editor (one mount): who drafts it, and what changed since it was cleared. */
export function SectionWorkspace({ section }: { section: Section }) {
  return (
    <div className="section-workspace">
      <SectionAssignment briefingId={section.briefingId} sectionId={section.id} />
      <SectionClearance section={section} />
    </div>
  );
}
