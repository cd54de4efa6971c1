import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatPartialDate } from '../../renderer/i18n/format';

/*
 * Dates are formatted with one Intl.DateTimeFormat per language and precision: a search view
 * re-renders 30 hits with a date each on every index change (100 of them while a restore is
 * taken in), and a new formatter per date held the page for 50 to 150 ms each time.
 */
const Real = Intl.DateTimeFormat;
let made = 0;

afterEach(() => {
  Intl.DateTimeFormat = Real;
});

function countFormatters(): void {
  made = 0;
  Intl.DateTimeFormat = new Proxy(Real, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return Reflect.construct(target, args) as Intl.DateTimeFormat;
    },
  });
}

describe('date formatting', () => {
  it('makes one formatter for many dates of one language and precision, and the text is unchanged', () => {
    countFormatters();
    const days = Array.from({ length: 30 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`);
    const shown = days.map((d) => formatPartialDate(d, 'en'));
    expect(shown[27]).toBe('28 July 2026');
    expect(made).toBe(1);
    // Another precision and another language each get their own.
    expect(formatPartialDate('2026-07', 'en')).toBe('July 2026');
    expect(formatPartialDate('2026-07-28', 'ms')).toBe(new Real('ms', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 6, 28))));
    expect(made).toBe(3);
    for (let i = 0; i < 10; i++) formatDateTime('2026-12-01T21:45:00.000Z', 'en', 'long', 'short');
    expect(made).toBe(4);
  });
});
