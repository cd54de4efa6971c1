import type { PaperVersion } from '../../../shared/papers/model';
import type { T } from '../../i18n/use-t';

/** "Original" in the interface language; "Rev.1" and the delegate's own labels as they are. */
export function versionLabel(version: Pick<PaperVersion, 'revision' | 'label'>, t: T): string {
  return version.revision === 0 && version.label === 'Original' ? t('papers.original') : version.label;
}
