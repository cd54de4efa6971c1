import { LocalText } from '../components/LocalText';
import { en } from './en/index';
import type { MessageKey } from './translate';
import { useT } from './use-t';

/**
 * A body's sector, stored as a slug ("environment", "disaster-management"), in the interface
 * language; a sector the catalogs do not know yet shows as the dataset wrote it, in English,
 * marked as untranslated like other dataset text.
 */
export function SectorName({ sector }: { sector: string }) {
  const t = useT();
  const key = `sector.${sector}`;
  if (key in en) return <>{t(key as MessageKey)}</>;
  return <LocalText value={{ en: sector.replace(/-/g, ' ') }} />;
}
