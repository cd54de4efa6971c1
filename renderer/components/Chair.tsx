import type { ChairRole } from '../../shared/model';
import { countryName } from '../i18n/format';
import { useAppStore } from '../store/store';
import { LocalText } from './LocalText';

/** "Philippines" or "Dato' Seri Mohamed Khaled bin Nordin, Minister of Defence (Malaysia)". */
export function Chair({ role }: { role: ChairRole }) {
  const language = useAppStore((s) => s.language);
  const country = role.country ? countryName(role.country, language) : undefined;
  if (!role.person) {
    return (
      <span>
        {country}
        {role.title && (
          <>
            {country ? ', ' : ''}
            <LocalText value={role.title} />
          </>
        )}
      </span>
    );
  }
  return (
    <span>
      {role.person}
      {role.title && (
        <>
          , <LocalText value={role.title} />
        </>
      )}
      {country && ` (${country})`}
    </span>
  );
}

export function Countries({ codes }: { codes: readonly string[] }) {
  const language = useAppStore((s) => s.language);
  return <>{codes.map((c) => countryName(c, language)).join(', ')}</>;
}
