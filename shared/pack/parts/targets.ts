import type { Section } from '../../briefing/model';
import type { OutcomeTarget } from '../../model';
import type { PartComposer } from '../compose-context';
import { fieldNotes, packCertainty, withCertainty } from '../certainty';
import type { PackRow } from '../model';

/** Every target a printed section links, with its framework, the dataset's status and the delegation's latest assessment. */
export const composeTargets: PartComposer = (ctx) => {
  const { t, text, numbers } = ctx;
  const latest = new Map<string, Section['targets'][number]>();
  for (const section of ctx.sections)
    for (const a of section.targets) {
      const seen = latest.get(a.targetId);
      if (!seen || (a.assessment && (!seen.assessment || (a.assessedAt ?? '') > (seen.assessedAt ?? '')))) latest.set(a.targetId, a);
    }
  const rows: PackRow[] = [...latest.keys()]
    .map((id) => ctx.targetById.get(id))
    .filter((x): x is OutcomeTarget => x !== undefined)
    .sort((a, b) => a.frameworkId.localeCompare(b.frameworkId) || a.order - b.order)
    .map((target) => {
      const a = latest.get(target.id)!;
      const framework = ctx.frameworkById.get(target.frameworkId);
      return {
        cells: [target.code, text(target.text), framework ? text(framework.title) : target.frameworkId, t(`status.${target.progress.status}`), t(`assessment.${a.assessment ?? 'none'}`)],
        cites: numbers.cite([...target.sources, ...(framework?.sources ?? [])]),
        // The target as a whole and its reported progress (the status column).
        ...withCertainty(packCertainty(ctx, [target.certainty?.record, ...fieldNotes(target.certainty, ['text', 'progress'])])),
      };
    });
  const blocks = [
    ctx.tableOr(
      'targets.none',
      [
        ['col.code', 9],
        ['col.target', 38],
        ['col.framework', 21],
        ['col.status', 15],
        ['col.assessment', 17],
      ],
      rows,
    ),
  ];
  return [{ id: 'targets', title: t('part.targets'), level: 1, blocks }];
};
