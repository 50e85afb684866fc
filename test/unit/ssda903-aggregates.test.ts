import { describe, expect, it } from 'vitest';
import { dayParts, formatUkDay, parseUkDate } from '../../shared/domain/dates.ts';
import { bornByForAge, Ssda903Aggregator } from '../../shared/domain/ssda903/aggregates.ts';
import type { ChildRecord, Row, TableName } from '../../shared/domain/ssda903/model.ts';

// Collection year 2026: 1 April 2025 to 31 March 2026.
const ALL: ReadonlySet<TableName> = new Set(['Header', 'Episodes', 'SWEpisodes', 'Missing', 'OC3']);
let rowNumber = 1;
const row = (table: TableName, values: Record<string, string>): Row => ({
  table,
  rowNumber: ++rowNumber,
  values,
});
const episode = (DECOM: string, DEC: string, RNE: string, LS = 'C2', PLACE = 'U1') =>
  row('Episodes', { CHILD: 'x', DECOM, DEC, RNE, LS, PLACE });
const child = (dob: string, rows: Partial<Record<TableName, Row[]>>): ChildRecord => ({
  child: 'x',
  rows: { Header: [row('Header', { CHILD: 'x', DOB: dob })], ...rows },
});
const aggregate = (children: ChildRecord[], tables = ALL) => {
  const aggregator = new Ssda903Aggregator(2026, tables);
  for (const each of children) aggregator.add(each);
  return aggregator.result().indicators;
};

describe('SSDA903 aggregates', () => {
  it('counts children looked after at 31 March and their placements in the year, leaving out short breaks', () => {
    const threePlacements = child('01/01/2015', {
      Episodes: [
        episode('10/02/2025', '01/06/2025', 'S'),
        episode('01/06/2025', '01/09/2025', 'P'),
        episode('01/09/2025', '', 'B'),
      ],
    });
    const legalChangeOnly = child('01/01/2015', {
      Episodes: [
        episode('01/05/2025', '01/06/2025', 'S'),
        episode('01/06/2025', '01/09/2025', 'L'),
        episode('01/09/2025', '', 'P'),
      ],
    });
    const leftOn31March = child('01/01/2015', { Episodes: [episode('01/05/2025', '31/03/2026', 'S')] });
    const shortBreaks = child('01/01/2015', { Episodes: [episode('01/05/2025', '', 'S', 'V3')] });
    const result = aggregate([threePlacements, legalChangeOnly, leftOn31March, shortBreaks]);
    expect(result['cla-rate']).toEqual({ numerator: 2, denominator: null });
    expect(result['placement-instability']).toEqual({ numerator: 1, denominator: 2 });
    expect(result['cla-starting-rate']).toEqual({ numerator: 2, denominator: null });
  });

  it('measures long-term stability for under-16s in care 2.5 years, by time with the same carer', () => {
    const stable = child('01/01/2014', {
      Episodes: [episode('01/01/2022', '01/06/2023', 'S'), episode('01/06/2023', '', 'L')],
    });
    const moved = child('01/01/2014', {
      Episodes: [episode('01/01/2022', '01/06/2025', 'S'), episode('01/06/2025', '', 'P')],
    });
    const tooShort = child('01/01/2014', { Episodes: [episode('01/01/2024', '', 'S')] });
    const over16 = child('01/01/2009', { Episodes: [episode('01/01/2020', '', 'S')] });
    expect(aggregate([stable, moved, tooShort, over16])['long-term-stability']).toEqual({
      numerator: 1,
      denominator: 2,
    });
  });

  it('reads a child’s episodes in date order, whatever their order in the file', () => {
    const inOrder = [
      child('01/01/2014', {
        Episodes: [episode('01/01/2022', '01/06/2023', 'S'), episode('01/06/2023', '', 'L')],
      }),
      child('01/01/2014', {
        Episodes: [
          episode('01/01/2022', '01/06/2025', 'S'),
          episode('01/06/2025', '01/09/2025', 'P'),
          episode('01/09/2025', '', 'B'),
        ],
      }),
    ];
    const reversed = inOrder.map((each) => ({
      ...each,
      rows: { ...each.rows, Episodes: [...each.rows.Episodes!].reverse() },
    }));
    const expected = aggregate(inOrder);
    expect(expected['long-term-stability']).toEqual({ numerator: 1, denominator: 2 });
    expect(aggregate(reversed)).toEqual(expected);
  });

  it('counts distinct social workers in the year, and only when the table was uploaded', () => {
    const sw = (id: string, from: string, to: string) =>
      row('SWEpisodes', { CHILD: 'x', SW_ID: id, SW_DECOM: from, SW_DEC: to });
    const three = child('01/01/2015', {
      Episodes: [episode('01/01/2024', '', 'S')],
      SWEpisodes: [
        sw('A', '01/01/2024', '01/05/2025'),
        sw('B', '01/05/2025', '01/07/2025'),
        sw('A', '01/07/2025', '01/08/2025'),
        sw('C', '01/08/2025', ''),
      ],
    });
    const two = child('01/01/2015', {
      Episodes: [episode('01/01/2024', '', 'S')],
      SWEpisodes: [
        sw('A', '01/01/2023', '01/03/2025'),
        sw('B', '01/03/2025', '01/05/2025'),
        sw('C', '01/05/2025', ''),
      ],
    });
    const none = child('01/01/2015', { Episodes: [episode('01/01/2024', '', 'S')] });
    expect(aggregate([three, two, none])['social-worker-changes']).toEqual({ numerator: 1, denominator: 3 });
    expect(aggregate([three], new Set(['Header', 'Episodes']))['social-worker-changes']).toBeUndefined();
  });

  it('reads care leavers’ accommodation, activity and contact, leaving out those who died', () => {
    const leaver = (IN_TOUCH: string, ACTIV: string, ACCOM: string) =>
      child('01/06/2005', { OC3: [row('OC3', { CHILD: 'x', IN_TOUCH, ACTIV, ACCOM })] });
    const result = aggregate([
      leaver('YES', 'F2', 'B1'),
      leaver('YES', 'G4', 'B2'),
      leaver('NO', '0', '0'),
      leaver('DIED', '0', '0'),
    ]);
    expect(result['care-leavers-suitable-accommodation']).toEqual({ numerator: 1, denominator: 3 });
    expect(result['care-leavers-eet']).toEqual({ numerator: 1, denominator: 3 });
    expect(result['care-leavers-not-in-touch']).toEqual({ numerator: 1, denominator: 3 });
  });

  it('counts children who went missing during the year among all looked after in it', () => {
    const missing = child('01/01/2012', {
      Episodes: [episode('01/01/2025', '', 'S')],
      Missing: [row('Missing', { CHILD: 'x', MISSING: 'M', MIS_START: '03/03/2026', MIS_END: '04/03/2026' })],
    });
    const awayOnly = child('01/01/2012', {
      Episodes: [episode('01/01/2025', '', 'S')],
      Missing: [row('Missing', { CHILD: 'x', MISSING: 'A', MIS_START: '03/03/2026', MIS_END: '' })],
    });
    const lastYear = child('01/01/2012', {
      Episodes: [episode('01/01/2025', '', 'S')],
      Missing: [row('Missing', { CHILD: 'x', MISSING: 'M', MIS_START: '03/03/2025', MIS_END: '05/03/2025' })],
    });
    expect(aggregate([missing, awayOnly, lastYear])['missing-from-care']).toEqual({
      numerator: 1,
      denominator: 3,
    });
  });

  describe('placement instability counts only new placements (reasons S, P and B), as DfE does', () => {
    it('does not count a change of placement type with the same carer (T or U) as a move', () => {
      // Placed with a foster carer, moved to another, then placed for adoption with the same carer: 2 placements.
      const adoptedBySecondCarer = child('01/01/2015', {
        Episodes: [
          episode('10/02/2025', '01/06/2025', 'S', 'C2', 'U1'),
          episode('01/06/2025', '01/09/2025', 'P', 'C2', 'U1'),
          episode('01/09/2025', '', 'T', 'E1', 'A5'),
        ],
      });
      const sameCarerWithNewOrder = child('01/01/2015', {
        Episodes: [
          episode('01/05/2025', '01/06/2025', 'S'),
          episode('01/06/2025', '01/09/2025', 'P'),
          episode('01/09/2025', '', 'U', 'C2', 'U3'),
        ],
      });
      const newCarerWithNewOrder = child('01/01/2015', {
        Episodes: [
          episode('01/05/2025', '01/06/2025', 'S'),
          episode('01/06/2025', '01/09/2025', 'P'),
          episode('01/09/2025', '', 'B', 'C1', 'U3'),
        ],
      });
      expect(
        aggregate([adoptedBySecondCarer, sameCarerWithNewOrder, newCarerWithNewOrder])[
          'placement-instability'
        ],
      ).toEqual({ numerator: 1, denominator: 3 });
    });

    it('counts the placement open on 1 April whatever its reason, and leaves out a placement of less than a day', () => {
      const openOn1April = child('01/01/2015', {
        Episodes: [
          episode('01/01/2024', '01/05/2025', 'L'),
          episode('01/05/2025', '01/06/2025', 'P'),
          episode('01/06/2025', '', 'P'),
        ],
      });
      const sameDayPlacement = child('01/01/2015', {
        Episodes: [
          episode('01/05/2025', '01/06/2025', 'S'),
          episode('01/06/2025', '01/06/2025', 'P'),
          episode('01/06/2025', '', 'P'),
        ],
      });
      // A same-day first placement, then the same carer (T), then two moves: the T placement is the first.
      const sameDayFirst = child('01/01/2015', {
        Episodes: [
          episode('01/05/2025', '01/05/2025', 'S'),
          episode('01/05/2025', '01/06/2025', 'T'),
          episode('01/06/2025', '01/07/2025', 'P'),
          episode('01/07/2025', '', 'B'),
        ],
      });
      const result = aggregate([openOn1April, sameDayPlacement, sameDayFirst]);
      expect(result['placement-instability']).toEqual({ numerator: 2, denominator: 3 });
    });
  });

  describe('each code of the lists read for every episode', () => {
    it('leaves out short breaks (V3 and V4) and nothing else', () => {
      const lookedAfter = (legalStatus: string) =>
        aggregate([child('01/01/2015', { Episodes: [episode('01/05/2025', '', 'S', legalStatus)] })])[
          'cla-rate'
        ]?.numerator ?? 0;
      expect(['V3', 'V4', 'V2', 'C2', 'V', 'V34', ''].map(lookedAfter)).toEqual([0, 0, 1, 1, 1, 1, 1]);
    });

    it('counts a new placement for reasons S, P and B only', () => {
      const threePlacements = (reason: string) =>
        aggregate([
          child('01/01/2015', {
            Episodes: [
              episode('01/05/2025', '01/06/2025', 'S'),
              episode('01/06/2025', '01/09/2025', reason),
              episode('01/09/2025', '', reason),
            ],
          }),
        ])['placement-instability']?.numerator;
      expect(['S', 'P', 'B', 'L', 'T', 'U', 'X', 'SP', ''].map(threePlacements)).toEqual([
        1, 1, 1, 0, 0, 0, 0, 0, 0,
      ]);
    });

    it('keeps the same carer through reasons L, T and U, and placements for adoption A3 and A5', () => {
      const stable = (reason: string, placement = 'U1') =>
        aggregate([
          child('01/01/2014', {
            Episodes: [
              episode('01/01/2022', '01/06/2025', 'S'),
              episode('01/06/2025', '', reason, 'C2', placement),
            ],
          }),
        ])['long-term-stability']?.numerator;
      expect(['L', 'T', 'U', 'S', 'P', 'B', 'LT', ''].map((reason) => stable(reason))).toEqual([
        1, 1, 1, 0, 0, 0, 0, 0,
      ]);
      expect(['A3', 'A5', 'A4', 'A6', 'A', 'A35'].map((placement) => stable('P', placement))).toEqual([
        1, 1, 0, 0, 0, 0,
      ]);
    });
  });

  describe('long-term stability', () => {
    // 31 March 2026: 2.5 years (913 days counting both ends) reach back to 1 October 2023; 2 years
    // (730 days) to 1 April 2024.
    it('keeps the run with the same carer through a change of legal status and placement (U)', () => {
      const sameCarerNewOrder = child('01/01/2014', {
        Episodes: [episode('01/01/2022', '01/06/2025', 'S'), episode('01/06/2025', '', 'U', 'C2', 'U3')],
      });
      expect(aggregate([sameCarerNewOrder])['long-term-stability']).toEqual({ numerator: 1, denominator: 1 });
    });

    it('counts the time with the same carers before a placement for adoption with them', () => {
      const adoptedByFosterCarers = child('01/01/2014', {
        Episodes: [episode('01/01/2022', '01/06/2025', 'S'), episode('01/06/2025', '', 'P', 'E1', 'A5')],
      });
      const adoptedByNewCarers = child('01/01/2014', {
        Episodes: [episode('01/01/2022', '01/06/2025', 'S'), episode('01/06/2025', '', 'P', 'E1', 'A6')],
      });
      expect(aggregate([adoptedByFosterCarers, adoptedByNewCarers])['long-term-stability']).toEqual({
        numerator: 1,
        denominator: 2,
      });
    });

    it('reads 2.5 years as 913 days and 2 years as 730 days, counting the first and last day', () => {
      const inCareFrom = (start: string, carerFrom: string) =>
        child('01/01/2014', {
          Episodes: [episode(start, carerFrom, 'S'), episode(carerFrom, '', 'P')],
        });
      // In care exactly 913 days with a carer exactly 730 days: in both counts.
      // In care 912 days: not in the group. With a carer 729 days: in the group, not stable.
      const result = aggregate([
        inCareFrom('01/10/2023', '01/04/2024'),
        inCareFrom('02/10/2023', '01/04/2024'),
        inCareFrom('01/10/2023', '02/04/2024'),
      ]);
      expect(result['long-term-stability']).toEqual({ numerator: 1, denominator: 2 });
    });

    it('leaves out a child without a date of birth and a chain broken by a gap in care', () => {
      const noBirthDate = child('', { Episodes: [episode('01/01/2020', '', 'S')] });
      const gap = child('01/01/2014', {
        Episodes: [episode('01/01/2020', '01/06/2024', 'S'), episode('02/06/2024', '', 'S')],
      });
      expect(aggregate([noBirthDate, gap])['long-term-stability']).toBeUndefined();
    });
  });

  describe('care leavers: 19 to 21, as DfE defines them', () => {
    const leaver = (dob: string, IN_TOUCH: string, ACTIV: string, ACCOM: string) =>
      child(dob, { OC3: [row('OC3', { CHILD: 'x', DOB: dob, IN_TOUCH, ACTIV, ACCOM })] });

    it('counts only 19 to 21 year olds, leaves out RHOM, gone abroad, deported and residence not known from suitability, and REFU from not in touch', () => {
      const result = aggregate([
        leaver('10/06/2007', 'YES', 'F1', 'B1'), // 18: not a care leaver of 19 to 21
        leaver('10/06/2006', 'YES', 'F2', 'B1'), // 19: suitable, EET
        leaver('10/06/2005', 'RHOM', 'F1', 'B1'), // 20, returned home: left out
        leaver('10/06/2004', 'REFU', '0', '0'), // 21, refused contact: not suitable, not EET, in touch
        leaver('10/06/2006', 'NO', '0', '0'), // 19, not in touch
        leaver('10/06/2005', 'YES', 'P4', 'G1'), // 20, gone abroad: out of suitability, EET
      ]);
      expect(result['care-leavers-suitable-accommodation']).toEqual({ numerator: 1, denominator: 3 });
      expect(result['care-leavers-eet']).toEqual({ numerator: 2, denominator: 4 });
      expect(result['care-leavers-not-in-touch']).toEqual({ numerator: 1, denominator: 4 });
    });

    it('takes the age at 31 March: a 19th birthday on 31 March counts, a 22nd birthday in the year does not', () => {
      const result = aggregate([
        leaver('31/03/2007', 'YES', 'F1', 'B1'), // 19 on 31 March 2026
        leaver('01/04/2007', 'YES', 'F1', 'B1'), // 19 on 1 April 2026: still 18
        leaver('01/04/2004', 'YES', 'F1', 'B1'), // 21 on 1 April 2025, the first day of the year
        leaver('31/03/2004', 'YES', 'F1', 'B1'), // 22 on 31 March 2026
      ]);
      expect(result['care-leavers-eet']).toEqual({ numerator: 2, denominator: 2 });
    });

    it('leaves out deported and residence-not-known accommodation from suitability only', () => {
      const result = aggregate([
        leaver('10/06/2006', 'YES', 'F1', 'H1'),
        leaver('10/06/2006', 'YES', 'F1', 'R2'),
        leaver('10/06/2006', 'YES', 'F1', 'U2'),
      ]);
      expect(result['care-leavers-suitable-accommodation']).toEqual({ numerator: 0, denominator: 1 });
      expect(result['care-leavers-eet']).toEqual({ numerator: 3, denominator: 3 });
    });

    it('falls back to the header date of birth, and leaves out a leaver with none', () => {
      const fromHeader = child('10/06/2006', {
        OC3: [row('OC3', { CHILD: 'x', DOB: '', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' })],
      });
      const noBirthDate = child('', {
        OC3: [row('OC3', { CHILD: 'x', DOB: '', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' })],
      });
      expect(aggregate([fromHeader, noBirthDate])['care-leavers-eet']).toEqual({
        numerator: 1,
        denominator: 1,
      });
    });
  });

  describe('missing from care', () => {
    const missingChild = (MIS_START: string, MIS_END: string, MISSING = 'M') =>
      child('01/01/2012', {
        Episodes: [episode('01/01/2025', '', 'S')],
        Missing: [row('Missing', { CHILD: 'x', MISSING, MIS_START, MIS_END })],
      });

    it('counts an incident open on 1 April (started in March, ended in April or not yet)', () => {
      const result = aggregate([
        missingChild('30/03/2025', '02/04/2025'), // open on 1 April 2025
        missingChild('30/03/2025', ''), // still open
        missingChild('30/03/2025', '31/03/2025'), // ended before the year
        missingChild('31/03/2026', ''), // starts on the last day
      ]);
      expect(result['missing-from-care']).toEqual({ numerator: 3, denominator: 4 });
    });
  });
});

describe('SSDA903 aggregates: ages compared as days', () => {
  // Age written plainly: whole years, one less until the birthday in the year has come.
  const age = (dob: number, on: number): number => {
    const born = dayParts(dob);
    const at = dayParts(on);
    const beforeBirthday = at.month < born.month || (at.month === born.month && at.day < born.day);
    return at.year - born.year - (beforeBirthday ? 1 : 0);
  };

  it('finds a child that old exactly when born on or before the last date of birth for the age', () => {
    const days = ['31/03/2026', '29/02/2028', '28/02/2027', '01/03/2026', '31/12/2025', '01/01/2026'];
    for (const text of days) {
      const on = parseUkDate(text)!;
      for (const years of [16, 18, 19, 22]) {
        const bornBy = bornByForAge(years, on);
        for (let dob = on - (years + 1) * 366; dob <= on - (years - 1) * 365; dob++)
          expect(dob <= bornBy, `born ${formatUkDay(dob)}, ${years} on ${text}`).toBe(age(dob, on) >= years);
      }
    }
  });
});
