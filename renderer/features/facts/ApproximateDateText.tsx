import type { ApproximateDate, Language } from '../../../shared/model';
import { formatPartialDate } from '../../i18n/format';
import { translate } from '../../i18n/translate';
import { useAppStore } from '../../store/store';

/** "c. July 2025", "2017–2018", "early 2025": an approximate date as the source gave it. */
export function formatApproximateDate(date: ApproximateDate, language: Language): string {
  if (typeof date === 'string') return formatPartialDate(date, language);
  const from = formatPartialDate(date.from, language);
  const text = date.to && date.to !== date.from ? translate(language, 'facts.date.range', { from, to: formatPartialDate(date.to, language) }) : from;
  return date.qualifier ? translate(language, `facts.date.${date.qualifier}`, { date: text }) : text;
}

export function ApproximateDateText({ date }: { date: ApproximateDate }) {
  const language = useAppStore((s) => s.language);
  return <>{formatApproximateDate(date, language)}</>;
}
