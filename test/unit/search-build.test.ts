import { describe, expect, it } from 'vitest';
import { foldText, terms, Vocabulary } from '../../shared/search';
import { scanWords, TermTable, wordHash } from '../../shared/search/word-scan';

const scanned = (text: string) => {
  const out: string[] = [];
  scanWords(foldText(text), (t, s, e, hash) => {
    out.push(t.slice(s, e));
    expect(hash).toBe(wordHash(t.slice(s, e)));
  });
  return out;
};

describe('scanning words without a string per word', () => {
  it('finds the same words as terms(), in every script the dataset holds', () => {
    for (const text of [
      'ASEAN Senior Officials on Environment (ASOEN-36)',
      'Mesyuarat Pegawai-pegawai Kanan Alam Sekitar ASEAN ke-36',
      '  Hà Nội, Đà Nẵng — 28–31 July 2025. ',
      'Pertemuan ke-31 Menteri Luar Negeri ASEAN; COP30/admm2025',
      'ภาษาไทย ກະຊວງ မြန်မာ 中文 𝐀𝐁𝐂 x𠀀y',
      '',
      '---',
    ]) {
      expect(scanned(text)).toEqual(terms(text));
    }
  });
});

describe('TermTable', () => {
  it('numbers words in order and finds them by a slice of any text, past many growths', () => {
    const table = new TermTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((w, i) => expect(table.insert(w, wordHash(w))).toBe(i));
    const text = `xx ${words[12_345]} yy`;
    expect(table.find(text, 3, 3 + words[12_345]!.length, wordHash(words[12_345]!))).toBe(12_345);
    expect(table.get('w0')).toBe(0);
    expect(table.get('nope')).toBeUndefined();
    expect(table.size).toBe(20_000);
  });
});

/** Optimal string alignment distance, the slow way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('Vocabulary (sorted words)', () => {
  const words = ['pertahanan', 'pertanian', 'pertambangan', 'pertemuan', 'perlindungan', 'pekerja', 'kesihatan', 'kesehatan', 'kebudayaan', 'langkawi', 'lingkungan', 'belia', 'bali', 'asean', 'asoen', 'asomm', 'a', 'ab', 'abc'];

  it('finds every word within the bound, as a full table would, skipping whole ranges', () => {
    const vocab = new Vocabulary();
    words.forEach((w) => vocab.add(w));
    for (const query of ['pertahan', 'kesihtan', 'langkwi', 'aseon', 'bela', 'ab', 'pertmbangan', 'xyz']) {
      for (const max of [1, 2]) {
        const expected = words.filter((w) => osa(query, w) <= max).sort();
        expect(vocab.near(query, max).map((x) => x.term).sort(), `${query} within ${max}`).toEqual(expected);
        for (const { term, distance } of vocab.near(query, max)) expect(distance).toBe(osa(query, term));
      }
    }
  });

  it('gives completions shortest first, at most the limit, and words added after a read', () => {
    const vocab = new Vocabulary();
    words.forEach((w) => vocab.add(w));
    expect(vocab.withPrefix('per', 3)).toEqual(['pertanian', 'pertemuan', 'pertahanan']);
    expect(vocab.withPrefix('a', 10)).toEqual(['a', 'ab', 'abc', 'asean', 'asoen', 'asomm']);
    vocab.add('perak');
    vocab.add('asean');
    expect(vocab.withPrefix('per', 1)).toEqual(['perak']);
    expect(vocab.size).toBe(words.length + 1);
  });
});
