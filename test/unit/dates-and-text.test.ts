import { describe, expect, it } from 'vitest';
import { isoToday, otherLanguageText, partialDateEnd, partialDateStart, PartialDate, pickText } from '../../shared/model';

describe('partial dates', () => {
  it('spans the whole period they name', () => {
    expect([partialDateStart('2025-09'), partialDateEnd('2025-09')]).toEqual(['2025-09-01', '2025-09-30']);
    expect([partialDateStart('2024'), partialDateEnd('2024')]).toEqual(['2024-01-01', '2024-12-31']);
    expect(partialDateEnd('2024-02')).toBe('2024-02-29');
    expect(partialDateEnd('2025-07-31')).toBe('2025-07-31');
  });

  it('refuses dates that do not exist', () => {
    expect(PartialDate.safeParse('2025-02-30').success).toBe(false);
    expect(PartialDate.safeParse('2025-13').success).toBe(false);
    expect(PartialDate.safeParse('25-07-28').success).toBe(false);
    expect(PartialDate.safeParse('2025-07-28').success).toBe(true);
  });

  it('knows leap years and month lengths as the calendar does', () => {
    expect(PartialDate.safeParse('2024-02-29').success).toBe(true);
    expect(PartialDate.safeParse('2000-02-29').success).toBe(true);
    expect(PartialDate.safeParse('1900-02-29').success).toBe(false);
    expect(PartialDate.safeParse('2100-02-29').success).toBe(false);
    expect(PartialDate.safeParse('2025-04-31').success).toBe(false);
    expect(PartialDate.safeParse('2025-12-31').success).toBe(true);
    expect(PartialDate.safeParse('2025-01-00').success).toBe(false);
    expect(PartialDate.safeParse('2025-00').success).toBe(false);
    // Every day of four years, the valid ones and the day after each month's last, as Date reads them.
    for (let year = 2023; year <= 2026; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 32; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(PartialDate.safeParse(value).success, value).toBe(real);
        }
      }
    }
  });

  it('gives today in local time', () => {
    expect(isoToday(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
  });
});

describe('dataset text in the chosen language', () => {
  it('uses the chosen language when present', () => {
    expect(pickText({ en: 'Working group', ms: 'Kumpulan kerja' }, 'ms')).toEqual({ text: 'Kumpulan kerja', lang: 'ms', fallback: false });
  });

  it('falls back to another language and says so', () => {
    expect(pickText({ id: 'Kelompok kerja' }, 'en')).toEqual({ text: 'Kelompok kerja', lang: 'id', fallback: true });
  });

  it('finds the original wording beside the shown one', () => {
    expect(otherLanguageText({ en: 'Retreat', ms: 'Sesi Permukiman' }, 'en')?.text).toBe('Sesi Permukiman');
    expect(otherLanguageText({ en: 'Retreat' }, 'en')).toBeUndefined();
  });
});

describe('date display', () => {
  it('shows partial dates at their precision and never throws on odd input', async () => {
    const { formatPartialDate, formatDateRange, formatDateTime } = await import('../../renderer/i18n/format');
    expect(formatPartialDate('2025-09', 'en')).toBe('September 2025');
    expect(formatPartialDate('2026-11-23T16:38:59.000Z', 'en')).toBe('23 November 2026');
    // English for ASEAN readers: day-month-year, as ASEAN documents write dates.
    expect(formatDateRange('2025-07-28', '2025-07-31', 'en')).toBe('28–31 July 2025');
    expect(formatDateRange('2025-07-28', '2025-08-02', 'en')).toBe('28 July – 2 August 2025');
    expect(formatDateRange('2025-07-28', '2025-07-31', 'ms')).toBe('28–31 Julai 2025');
    expect(formatDateTime('2026-12-01T14:30:00Z', 'en')).toMatch(/^1 Dec 2026, \d\d:30$/);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(formatPartialDate('soon', 'en')).toBe('soon');
    expect(formatPartialDate('2025-13', 'en')).toBe('2025-13');
  });
});
