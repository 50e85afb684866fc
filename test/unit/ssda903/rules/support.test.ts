import { describe, expect, it } from 'vitest';
import { dayFromParts, dayParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import {
  addYears,
  ageOn,
  collectionPeriod,
  dateIn,
  dayOf,
  episodeOpenAt,
  episodesInOrder,
  finalCeasedEpisode,
  hasReachedAge,
  inCareOn,
  periodBounds,
  periodsOfCare,
  sortedByDate,
} from '../../../../shared/domain/ssda903/rules/support.ts';
import { childWith, episode } from './helpers.ts';

const day = (text: string) => {
  const [d, m, y] = text.split('/').map(Number);
  return dayFromParts(y as number, m as number, d as number) as number;
};

describe('dates and ages', () => {
  it('moves a 29 February birthday to 1 March in a non-leap year', () => {
    expect(formatUkDay(addYears(day('29/02/2008'), 10))).toBe('01/03/2018');
    expect(formatUkDay(addYears(day('29/02/2008'), 4))).toBe('29/02/2012');
  });

  it('gives the same birthdays as the calendar, whatever days and years are asked for in turn', () => {
    // The year of the last day asked about is kept: a day asked about after another must not borrow its year.
    const calendar = (from: number, years: number) => {
      const { year, month, day: dayOfMonth } = dayParts(from);
      return dayFromParts(year + years, month, dayOfMonth) ?? dayFromParts(year + years, 3, 1);
    };
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(seed / 65_536) % below;
    };
    const leapDay = day('29/02/2008');
    for (let at = 0; at < 20_000; at++) {
      const from = next(4) === 0 ? leapDay + 1461 * (next(20) - 10) : next(40_000) - 10_000;
      const years = next(4) === 0 ? 18 : next(60) - 20;
      expect(addYears(from, years)).toBe(calendar(from, years));
      // The same day centuries on, past years such as 2100 and 2200 that have no 29 February.
      expect(addYears(from, years + 256)).toBe(calendar(from, years + 256));
    }
  });

  it('counts completed years of age', () => {
    expect(ageOn(day('01/06/2010'), day('31/05/2025'))).toBe(14);
    expect(ageOn(day('01/06/2010'), day('01/06/2025'))).toBe(15);
    expect(hasReachedAge(day('29/02/2008'), day('28/02/2026'), 18)).toBe(false);
    expect(hasReachedAge(day('29/02/2008'), day('01/03/2026'), 18)).toBe(true);
  });

  it('reads a date field by its value or by its name alike, and the same text twice the same way', () => {
    const row = {
      table: 'Episodes' as const,
      rowNumber: 2,
      values: { DECOM: '01/04/2025', DEC: '31/02/2025' },
    };
    for (const text of ['01/04/2025', '1/4/2025', ' 01/04/2025 ', '01/04/2025'])
      expect(dayOf(text)).toBe(day('01/04/2025'));
    for (const text of [undefined, '', '31/02/2025', '2025-04-01', 'soon']) expect(dayOf(text)).toBeNull();
    expect(dateIn(row, 'DECOM')).toBe(dayOf(row.values.DECOM));
    expect(dateIn(row, 'DEC')).toBeNull();
    expect(dateIn(row, 'REC')).toBeNull();
  });

  it('gives the collection period: 2026 is 1 April 2025 to 31 March 2026', () => {
    const { start, end } = collectionPeriod(2026);
    expect([formatUkDay(start), formatUkDay(end)]).toEqual(['01/04/2025', '31/03/2026']);
  });
});

describe('episodes', () => {
  const child = childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/08/2025', RNE: 'S' }),
      episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'X1' }),
      episode({ DECOM: 'not a date' }),
      episode({ DECOM: '01/06/2025', RNE: 'P', DEC: '01/07/2025', REC: 'E13' }),
    ],
  });
  const episodes = episodesInOrder(child);

  it('sorts by DECOM and leaves out rows without a valid DECOM', () => {
    expect(episodes.map((e) => e.row.rowNumber)).toEqual([3, 5, 2]);
  });

  it('orders episodes and dated rows by date then row number, whether or not they come in that order', () => {
    // Rows given in file order and out of it, with dates that tie and dates that are not dates.
    let seed = 11;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(seed / 65_536) % below;
    };
    const texts = ['01/04/2025', '02/04/2025', '03/04/2025', '', '31/02/2025'];
    for (let round = 0; round < 300; round++) {
      const count = next(7);
      const rows = Array.from({ length: count }, (_, index) => ({
        table: 'Episodes' as const,
        rowNumber: next(3) === 0 ? 40 - index : index + 2,
        values: { CHILD: 'C1', DECOM: texts[next(texts.length)]!, DEC: texts[next(texts.length)]! },
      }));
      const expected = rows
        .filter((row) => dayOf(row.values.DECOM) !== null)
        .sort((a, b) => dayOf(a.values.DECOM)! - dayOf(b.values.DECOM)! || a.rowNumber - b.rowNumber);
      const ordered = episodesInOrder({ child: 'C1', rows: { Episodes: rows } });
      expect(ordered.map((e) => e.row)).toEqual(expected);
      expect(ordered.map((e) => [e.decom, e.dec])).toEqual(
        expected.map((row) => [dayOf(row.values.DECOM), dayOf(row.values.DEC)]),
      );
      expect(sortedByDate(rows, 'DECOM').map((dated) => dated.row)).toEqual(expected);
    }
  });

  it('splits periods of care at a gap', () => {
    const periods = periodsOfCare(episodes);
    expect(periods.map((period) => period.map((e) => e.row.rowNumber))).toEqual([[3, 5], [2]]);
    expect(
      periods.map((period) => periodBounds(period)).map(({ start, end }) => [formatUkDay(start), end]),
    ).toEqual([
      ['01/05/2025', day('01/07/2025')],
      ['01/08/2025', null],
    ]);
  });

  it('tells whether the child is in care on a day and looked after at its end', () => {
    expect(inCareOn(episodes, day('01/07/2025'))).toBe(true);
    expect(inCareOn(episodes, day('15/07/2025'))).toBe(false);
    expect(episodeOpenAt(episodes, day('01/07/2025'))).toBeUndefined();
    expect(episodeOpenAt(episodes, day('31/03/2026'))?.row.rowNumber).toBe(2);
    expect(finalCeasedEpisode(episodes)).toBeUndefined();
    expect(finalCeasedEpisode(episodes.slice(0, 2))?.row.rowNumber).toBe(5);
  });
});

describe('orderings shared between rules', () => {
  it('works out episodes in order once per child and hands every rule the same array', () => {
    const child = childWith('C2', {
      Episodes: [episode({ DECOM: '01/06/2025' }), episode({ DECOM: '01/05/2025', DEC: '01/06/2025' })],
    });
    const first = episodesInOrder(child);
    expect(episodesInOrder(child)).toBe(first);
    expect(first.map((e) => e.row.rowNumber)).toEqual([3, 2]);
    expect(first[0]?.dec).toBe(day('01/06/2025'));
  });

  it('keeps sorted rows apart per field and per child', () => {
    const one = childWith('C3', {
      Missing: [
        { MIS_START: '05/06/2025', MIS_END: '01/06/2025' },
        { MIS_START: '01/06/2025', MIS_END: '09/06/2025' },
      ],
    });
    const other = childWith('C4', { Missing: [{ MIS_START: '02/06/2025', MIS_END: '' }] });
    const rows = one.rows.Missing ?? [];
    const byStart = sortedByDate(rows, 'MIS_START');
    expect(sortedByDate(rows, 'MIS_START')).toBe(byStart);
    expect(byStart.map((dated) => dated.row.rowNumber)).toEqual([3, 2]);
    expect(sortedByDate(rows, 'MIS_END').map((dated) => dated.row.rowNumber)).toEqual([2, 3]);
    expect(sortedByDate(other.rows.Missing ?? [], 'MIS_START').map((dated) => dated.day)).toEqual([
      day('02/06/2025'),
    ]);
  });

  it('gives no episodes for a child without an Episodes table', () => {
    expect(episodesInOrder(childWith('C5', { Header: [{ DOB: '01/01/2010' }] }))).toEqual([]);
  });
});

describe('orderings worked out once per child', () => {
  it('gives each child its own order, however many children and fields are asked for in turn', () => {
    // More children than orderings are remembered, asked for over and over in interleaved turns.
    const children = Array.from({ length: 40 }, (_, index) =>
      childWith(`C${index}`, {
        Episodes: [
          episode({ DECOM: `0${1 + (index % 9)}/06/2025`, DEC: '01/01/2026' }),
          episode({ DECOM: '01/05/2025', DEC: `0${1 + (index % 9)}/07/2025` }),
        ],
      }),
    );
    for (let round = 0; round < 3; round++) {
      for (const [index, child] of children.entries()) {
        const rows = child.rows.Episodes!;
        expect(episodesInOrder(child).map((e) => e.row)).toEqual([rows[1], rows[0]]);
        expect(sortedByDate(rows, 'DECOM').map((dated) => dated.row)).toEqual([rows[1], rows[0]]);
        expect(sortedByDate(rows, 'DEC').map((dated) => dated.day)).toEqual([
          day(`0${1 + (index % 9)}/07/2025`),
          day('01/01/2026'),
        ]);
      }
    }
  });
});
