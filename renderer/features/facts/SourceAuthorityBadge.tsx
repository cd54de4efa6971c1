import type { SourceAuthority } from '../../../shared/model';
import { useT } from '../../i18n/use-t';

/** How authoritative a source is: "Official source", "News agency", "Secondary source". */
export function SourceAuthorityBadge({ authority }: { authority: SourceAuthority }) {
  const t = useT();
  return <span className={`badge authority authority-${authority}`}>{t(`facts.authority.${authority}`)}</span>;
}
