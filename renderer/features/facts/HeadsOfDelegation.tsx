import type { HeadOfDelegation } from '../../../shared/model';
import { LocalText } from '../../components/LocalText';
import { countryName } from '../../i18n/format';
import { useAppStore } from '../../store/store';

/** "Malaysia: Dato' Seri Mohamed Khaled bin Nordin, Minister of Defence, Malaysia", one per delegation. */
export function HeadsOfDelegation({ heads }: { heads: readonly HeadOfDelegation[] }) {
  const language = useAppStore((s) => s.language);
  return (
    <ul className="inline-list">
      {heads.map((head) => (
        <li key={head.country}>
          <strong>{countryName(head.country, language)}</strong>
          {head.person && `: ${head.person}`}
          {head.title && (
            <>
              , <LocalText value={head.title} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
