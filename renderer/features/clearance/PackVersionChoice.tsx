import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { changedSinceCleared } from '../../../shared/clearance/clearance-record';
import { clearedPackInput, missingTargetIds, packClearance, type PackVersion } from '../../../shared/clearance/cleared-pack';
import type { PackInput } from '../../../shared/pack/compose';
import type { PackClearance } from '../../../shared/pack/model';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import type { ClearanceRow } from '../assignments/assignment-rows';
import { useClearedContent } from './use-control';

export interface PackVersionState {
  /** What the pack is composed from: the clearance's snapshot by default, or the current text. */
  input: PackInput;
  /** For the pack options (cover line, watermark); undefined for a brief never cleared. */
  clearance: PackClearance | undefined;
  version: PackVersion;
  setVersion: (version: PackVersion) => void;
  row: ClearanceRow | undefined;
  /** The current text differs from the cleared version. */
  changed: boolean;
  /** The stored snapshot hashes to its fingerprint (false: only the current text can be printed). */
  verified: boolean;
}

/** Which version of a cleared brief the pack prints: the cleared one unless the delegate chooses the current text. */
export function usePackVersion(current: PackInput): PackVersionState {
  const cleared = useClearedContent(current.briefing.id);
  const [version, setVersion] = useState<PackVersion>('cleared');
  const content = cleared?.content;
  const verified = content?.verified === true;
  // Targets the cleared sections assess that the current ones no longer do.
  const missing = useMemo(() => (content ? missingTargetIds(current, content) : []), [current, content]);
  const extra = useLiveQuery(async () => {
    if (missing.length === 0) return { targets: [], frameworks: [] };
    const targets = (await db.targets.bulkGet(missing)).filter((x) => x !== undefined);
    const have = new Set(current.frameworks.map((f) => f.id));
    const frameworks = (await db.frameworks.bulkGet([...new Set(targets.map((x) => x.frameworkId))].filter((id) => !have.has(id)))).filter((x) => x !== undefined);
    return { targets, frameworks };
  }, [missing.join('|')]);
  return useMemo(() => {
    const row = cleared?.row;
    const changed = !!(row && content && (() => {
      const c = changedSinceCleared(row, current);
      return c.general || c.sections.length > 0;
    })());
    if (!row) return { input: current, clearance: undefined, version, setVersion, row: undefined, changed: false, verified: false };
    const printed: PackVersion = verified ? version : 'current';
    const base = printed === 'cleared' && content ? clearedPackInput(current, content) : current;
    const input = printed === 'cleared' && extra && extra.targets.length > 0 ? { ...base, targets: [...base.targets, ...extra.targets], frameworks: [...base.frameworks, ...extra.frameworks] } : base;
    return { input, clearance: packClearance(row, printed), version: printed, setVersion, row, changed, verified };
  }, [cleared, content, current, version, verified, extra]);
}

/** The choice on the pack page (shown only for a brief that has been cleared). */
export function PackVersionChoice({ state }: { state: PackVersionState }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const row = state.row;
  if (!row) return null;
  return (
    <fieldset className="pack-version">
      <legend>{t('packs.version.label')}</legend>
      <label className="pack-choice">
        <input type="radio" name="pack-version" value="cleared" checked={state.version === 'cleared'} disabled={!state.verified} onChange={() => state.setVersion('cleared')} />
        <span>{t('packs.version.cleared', { name: row.clearedBy.name, date: formatDateTime(row.clearedAt, language) })}</span>
      </label>
      <label className="pack-choice">
        <input type="radio" name="pack-version" value="current" checked={state.version === 'current'} onChange={() => state.setVersion('current')} />
        <span>{t('packs.version.current')}</span>
      </label>
      {!state.verified && <p role="alert">{t('clearance.damaged')}</p>}
      <p className="muted">{state.changed ? t('packs.version.changed') : t('packs.version.unchanged')}</p>
    </fieldset>
  );
}
