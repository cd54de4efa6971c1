import { countryName } from '../../i18n/format';
import { useAppStore } from '../../store/store';

/** ASEAN Member States and Timor-Leste: the delegations a briefing can be for. */
const DELEGATIONS = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'];

/** The options of a delegation picker, named in the interface language. */
export function DelegationOptions() {
  const language = useAppStore((s) => s.language);
  return (
    <>
      {DELEGATIONS.map((c) => (
        <option key={c} value={c}>
          {countryName(c, language)}
        </option>
      ))}
    </>
  );
}
