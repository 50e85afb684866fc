import { describe, expect, it } from 'vitest';
import { Ssda903Aggregator } from '../../shared/domain/ssda903/aggregates.ts';
import type { ChildRecord, Row, TableName } from '../../shared/domain/ssda903/model.ts';

// Collection year 2026: 1 April 2025 to 31 March 2026.
const ALL: ReadonlySet<TableName> = new Set(['Header', 'Episodes', 'SWEpisodes', 'Missing', 'OC3']);
let rowNumber = 1;
const row = (table: TableName, values: Record<string, string>): Row => ({
  table,
  rowNumber: ++rowNumber,
  values,
});
const episode = (DECOM: string, DEC: string, RNE: string, LS = 'C2') =>
  row('Episodes', { CHILD: 'x', DECOM, DEC, RNE, LS, PLACE: 'U1' });
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
      Missing: [row('Missing', { CHILD: 'x', MISSING: 'M', MIS_START: '03/03/2025', MIS_END: '' })],
    });
    expect(aggregate([missing, awayOnly, lastYear])['missing-from-care']).toEqual({
      numerator: 1,
      denominator: 3,
    });
  });
});
