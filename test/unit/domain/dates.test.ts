import { describe, expect, it } from 'vitest';
import {
  dayFromParts,
  dayParts,
  formatIsoDay,
  formatUkDay,
  parseIsoDate,
  parseUkDate,
} from '../../../shared/domain/dates.ts';

// The definitions the arithmetic versions must agree with: a regular expression and a Date per value.
const MS_PER_DAY = 86_400_000;
function referenceDayFromParts(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return ms / MS_PER_DAY;
}
function referenceParseUkDate(text: string): number | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  return referenceDayFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
}
function referenceParseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return referenceDayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}
function referenceDayParts(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
const referenceFormatIsoDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** A small deterministic generator, so the random cases are the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * 20,000 strings mostly of digits, the rest from the alphabet, with lengths in the range; half of them have the
 * alphabet's first separator (its eleventh character) at the `marks`, as a date would.
 */
function* dateLikeStrings(options: {
  seed: number;
  alphabet: string;
  lengths: [number, number];
  marks: number[];
}): Generator<string> {
  const random = generator(options.seed);
  const { alphabet, lengths, marks } = options;
  for (let count = 0; count < 20_000; count++) {
    const characters: string[] = [];
    const length = lengths[0] + Math.floor(random() * (lengths[1] - lengths[0] + 1));
    for (let index = 0; index < length; index++)
      characters.push(alphabet[Math.floor(random() * (random() < 0.7 ? 10 : alphabet.length))]!);
    if (random() < 0.5) for (const mark of marks) characters[mark] = alphabet[10]!;
    yield characters.join('');
  }
}

describe('dates', () => {
  it('parses real UK dates and refuses impossible ones', () => {
    expect(parseUkDate('29/02/2024')).not.toBeNull();
    expect(parseUkDate('29/02/2025')).toBeNull();
    expect(parseUkDate('31/04/2025')).toBeNull();
    expect(parseUkDate('2025-04-01')).toBeNull();
    expect(parseUkDate(' 1/4/2025 ')).toBe(parseIsoDate('2025-04-01'));
  });

  it('orders and round-trips days', () => {
    const start = parseUkDate('31/03/2025')!;
    expect(parseUkDate('01/04/2025')! - start).toBe(1);
    expect(formatUkDay(start)).toBe('31/03/2025');
    expect(dayParts(start)).toEqual({ year: 2025, month: 3, day: 31 });
  });
});

describe('dates: the arithmetic parser agrees with the Date-based definition', () => {
  const edgeCases = [
    '29/02/2024',
    '29/02/2023',
    '29/02/2000',
    '29/02/1900',
    '29/02/2100',
    '29/02/2400',
    '28/02/2023',
    '31/04/2025',
    '30/04/2025',
    '31/12/2025',
    '00/01/2025',
    '01/00/2025',
    '01/13/2025',
    '32/01/2025',
    '1/4/2025',
    '01/4/2025',
    '1/04/2025',
    ' 01/04/2025',
    '01/04/2025\t',
    '\u00a001/04/2025\u3000',
    '\ufeff01/04/2025',
    '01/04/2025\r\n',
    '',
    ' ',
    '001/04/2025',
    '01/004/2025',
    '01/04/025',
    '01/04/20250',
    '1//4/2025',
    '/01/04/2025',
    '01-04-2025',
    '2025-04-01',
    '01/04/2O25',
    'aa/bb/cccc',
    '１/04/2025',
    '+1/04/2025',
    '-1/04/2025',
    '1 /04/2025',
    '01/ 4/2025',
    '01/04/ 2025',
    '01/04/2025 x',
    '31/12/9999',
    '01/01/0100',
    '31/12/0099',
    '01/01/0000',
    '0/0/0000',
  ];

  it.each(edgeCases)('parses %j as the definition does', (text) => {
    expect(parseUkDate(text)).toBe(referenceParseUkDate(text));
  });

  it('agrees on every day and month (0–32, 0–13) of years around the calendar rules', () => {
    const years = [99, 100, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2025, 2100, 2400, 9999];
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const long = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
          const short = `${day}/${month}/${String(year).padStart(4, '0')}`;
          expect(parseUkDate(long), long).toBe(referenceParseUkDate(long));
          expect(parseUkDate(short), short).toBe(referenceParseUkDate(short));
          expect(dayFromParts(year, month, day)).toBe(referenceDayFromParts(year, month, day));
        }
      }
    }
  });

  it('agrees on random strings of digits, slashes and spaces', () => {
    for (const text of dateLikeStrings({
      seed: 903,
      alphabet: '0123456789/ -',
      lengths: [6, 12],
      marks: [2, 5],
    }))
      expect(parseUkDate(text), JSON.stringify(text)).toBe(referenceParseUkDate(text));
  });

  it('gives the same answer for parts Date would treat specially', () => {
    const parts: [number, number, number][] = [
      [2025.5, 1, 1],
      [2025, 1.5, 1],
      [2025, 1, 1.5],
      [50, 1, 1],
      [-1, 1, 1],
      [-400, 2, 29],
      [Number.NaN, 1, 1],
      [10_000, 1, 1],
      [275_760, 9, 13],
      [275_760, 9, 14],
    ];
    for (const [year, month, day] of parts)
      expect(dayFromParts(year, month, day)).toBe(referenceDayFromParts(year, month, day));
  });
});

describe('dates: the ISO parser agrees with the regular-expression definition', () => {
  const edgeCases = [
    '2024-02-29',
    '2023-02-29',
    '2025-04-31',
    '2025-00-01',
    '2025-13-01',
    '2025-01-00',
    '2025-01-32',
    ' 2025-04-01',
    '2025-04-01\r\n',
    '\u00a02025-04-01\u3000',
    '\ufeff2025-04-01',
    '',
    ' ',
    '2025-4-01',
    '2025-04-1',
    '02025-04-01',
    '2025/04/01',
    '2025-04-01T00:00',
    '2O25-04-01',
    '２025-04-01',
    '+025-04-01',
    '0099-12-31',
    '0100-01-01',
    '9999-12-31',
    '0000-01-01',
  ];

  it.each(edgeCases)('parses %j as the definition does', (text) => {
    expect(parseIsoDate(text)).toBe(referenceParseIsoDate(text));
  });

  it('agrees on random strings of digits, dashes and spaces', () => {
    for (const text of dateLikeStrings({
      seed: 1511,
      alphabet: '0123456789- /',
      lengths: [8, 12],
      marks: [4, 7],
    }))
      expect(parseIsoDate(text), JSON.stringify(text)).toBe(referenceParseIsoDate(text));
  });
});

describe('dates: formatting and parts agree with Date', () => {
  // Differences are collected and compared once: an expect per day would dominate the run time.
  const differences = (days: Iterable<number>): string[] => {
    const found: string[] = [];
    for (const day of days) {
      const parts = dayParts(day);
      const reference = referenceDayParts(day);
      const iso = referenceFormatIsoDay(day);
      const [year, month, dayOfMonth] = iso.split('-');
      if (
        parts.year !== reference.year ||
        parts.month !== reference.month ||
        parts.day !== reference.day ||
        formatIsoDay(day) !== iso ||
        (year !== '' && formatUkDay(day) !== `${dayOfMonth}/${month}/${year}`)
      )
        found.push(`${day}: ${formatIsoDay(day)} ${formatUkDay(day)}, expected ${iso}`);
    }
    return found;
  };
  function* range(from: number, to: number, step: number): Generator<number> {
    for (let day = from; day <= to; day += step) yield day;
  }

  it('for every day of 1890 to 2130', () => {
    expect(differences(range(-29_220, 58_806, 1))).toEqual([]);
  });

  it('for days sampled from before year 0 to after year 9999', () => {
    expect(differences(range(-800_000, 3_000_000, 97))).toEqual([]);
  });

  it('for edges and values that are not whole days', () => {
    for (const day of [-719_529, -719_528, 2_932_896, 2_932_897, 1e8, -1e8, 0.5, -0.5, 1.25]) {
      expect(dayParts(day)).toEqual(referenceDayParts(day));
      expect(formatIsoDay(day)).toBe(referenceFormatIsoDay(day));
    }
  });
});
