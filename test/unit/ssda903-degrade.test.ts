import { describe, expect, it } from 'vitest';
import { dayParts, formatUkDay, parseUkDate } from '../../shared/domain/dates.ts';
import {
  councilPseudonymKey,
  eighteenthBirthday,
  firstOfMonth,
  outwardCode,
  pseudonymiseChild,
  revealsBirthday,
} from '../../shared/domain/privacy.ts';
import { COLUMN_TREATMENT, degradeChild } from '../../shared/domain/ssda903/degrade.ts';
import type { ChildRecord, Row } from '../../shared/domain/ssda903/model.ts';
import { dayOf, isDateField } from '../../shared/domain/ssda903/row-days.ts';

const key = councilPseudonymKey(Buffer.alloc(32, 1), '886');
const child: ChildRecord = {
  child: '566910',
  rows: {
    Header: [
      {
        table: 'Header',
        rowNumber: 2,
        values: {
          CHILD: '566910',
          SEX: '2',
          DOB: '27/03/2008',
          ETHNIC: 'WROM',
          UPN: 'D051910639385',
          MOTHER: '1',
          MC_DOB: '04/05/2024',
        },
      },
    ],
    Episodes: [
      {
        table: 'Episodes',
        rowNumber: 3,
        values: {
          CHILD: '566910',
          DECOM: '14/08/2017',
          RNE: 'T',
          LS: 'C2',
          CIN: 'N3',
          PLACE: 'A3',
          PLACE_PROVIDER: 'PR3',
          DEC: '',
          REC: 'X1',
          REASON_PLACE_CHANGE: '',
          HOME_POST: 'EG19 7TT',
          PL_POST: 'WV27 9FW',
          URN: '8969628',
          NOTES: 'free text about the child',
        },
      },
    ],
  },
};

describe('SSDA903 degrade', () => {
  const rows = degradeChild(child, key);
  const all = JSON.stringify(rows);

  it('removes the child reference, UPN, full date of birth, mother’s child DOB, full postcodes and unknown columns', () => {
    for (const secret of ['566910', 'D051910639385', '27/03/2008', '04/05/2024', '7TT', '9FW', 'free text'])
      expect(all).not.toContain(secret);
    expect(rows[0]!.values).not.toHaveProperty('UPN');
    expect(rows[1]!.values).not.toHaveProperty('NOTES');
  });

  it('degrades each row by its own columns when rows of one table differ in them', () => {
    const episode = child.rows.Episodes![0]!;
    const { NOTES: _notes, URN: _urn, ...fewer } = episode.values;
    const mixed: ChildRecord = {
      child: child.child,
      rows: {
        Episodes: [
          episode,
          { ...episode, rowNumber: 4, values: fewer },
          { ...episode, rowNumber: 5, values: { ...fewer, URN: 'SC1', NOTES: 'more free text' } },
        ],
      },
    };
    const [first, second, third] = degradeChild(mixed, key).map((row) => Object.keys(row.values));
    expect(second).toEqual(first!.filter((column) => column !== 'URN'));
    expect(third).toEqual([...second!, 'URN']);
    expect(JSON.stringify(degradeChild(mixed, key))).not.toContain('free text');
  });

  it('keeps nothing of a column outside the allow-list, whatever it is called', () => {
    const odd = ['constructor', 'toString', '__proto__', 'CHILD: 1 }; //', 'child', ' CHILD'];
    const values: Record<string, string> = { CHILD: 'C9' };
    for (const name of odd)
      Object.defineProperty(values, name, { value: `secret ${name}`, enumerable: true });
    const [degraded] = degradeChild(
      { child: 'C9', rows: { Episodes: [{ table: 'Episodes', rowNumber: 2, values }] } },
      key,
    );
    expect(Object.keys(degraded!.values)).toEqual(['CHILD']);
    expect(JSON.stringify(degraded)).not.toContain('secret');
  });

  it('keeps what indicators need: month of birth, outward codes, episode facts and a stable pseudonym', () => {
    expect(rows[0]!.values).toMatchObject({ DOB: '01/03/2008', SEX: '2', ETHNIC: 'WROM' });
    expect(rows[1]!.values).toMatchObject({
      DECOM: '14/08/2017',
      RNE: 'T',
      PLACE: 'A3',
      HOME_POST: 'EG19',
      PL_POST: 'WV27',
      URN: '8969628',
    });
    expect(rows[1]!.values.CHILD).toBe(rows[0]!.values.CHILD);
    expect(rows[0]!.values.CHILD).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('SSDA903 degrade: values worked out once and reused', () => {
  it('gives each row the pseudonym of its own CHILD and SW_ID, as pseudonymiseChild does', () => {
    const row = (table: 'Header' | 'SWEpisodes', rowNumber: number, values: Record<string, string>) => ({
      table,
      rowNumber,
      values,
    });
    const rows = degradeChild(
      {
        child: 'C1',
        rows: {
          Header: [row('Header', 2, { CHILD: 'C1' })],
          SWEpisodes: [
            row('SWEpisodes', 2, { CHILD: 'C1', SW_ID: 'W1' }),
            row('SWEpisodes', 3, { CHILD: 'C1', SW_ID: 'W2' }),
            row('SWEpisodes', 4, { CHILD: 'C1', SW_ID: 'W1' }),
          ],
        },
      },
      key,
    );
    expect(rows.map((degraded) => degraded.values)).toEqual([
      { CHILD: pseudonymiseChild('C1', key) },
      { CHILD: pseudonymiseChild('C1', key), SW_ID: pseudonymiseChild('W1', key) },
      { CHILD: pseudonymiseChild('C1', key), SW_ID: pseudonymiseChild('W2', key) },
      { CHILD: pseudonymiseChild('C1', key), SW_ID: pseudonymiseChild('W1', key) },
    ]);
    const otherKey = councilPseudonymKey(Buffer.alloc(32, 2), '886');
    expect(degradeChild(child, otherKey)[0]!.values.CHILD).toBe(pseudonymiseChild('566910', otherKey));
  });

  it('gives the outward code of every postcode, however often it is seen', () => {
    const postcodes = ['EG19 7TT', 'eg19  7tt', 'EG19', 'not a postcode', 'EG19 7TT', 'SW1A 1AA'];
    const episodes = postcodes.map((postcode, index) => ({
      table: 'Episodes' as const,
      rowNumber: index + 2,
      values: { HOME_POST: postcode },
    }));
    const rows = degradeChild({ child: 'C1', rows: { Episodes: episodes } }, key);
    expect(rows.map((degraded) => degraded.values.HOME_POST)).toEqual(postcodes.map(outwardCode));
  });
});

describe('SSDA903 degrade: no kept date gives the date of birth away', () => {
  const withRows = (rows: ChildRecord['rows']): ChildRecord => ({
    child: 'C1',
    rows: {
      Header: [{ table: 'Header', rowNumber: 2, values: { CHILD: 'C1', DOB: '27/03/2008' } }],
      ...rows,
    },
  });

  it('keeps DUC (the 18th birthday of an unaccompanied child) to its month, like DOB', () => {
    const rows = degradeChild(
      withRows({ UASC: [{ table: 'UASC', rowNumber: 2, values: { CHILD: 'C1', DUC: '27/03/2026' } }] }),
      key,
    );
    expect(JSON.stringify(rows)).not.toContain('27/03/2026');
    expect(rows[1]!.values.DUC).toBe('01/03/2026');
  });

  it('keeps to its month any date within a day of the 18th birthday (care ending at 18), and other dates in full', () => {
    const episode = (rowNumber: number, DECOM: string, DEC: string) => ({
      table: 'Episodes' as const,
      rowNumber,
      values: { CHILD: 'C1', DECOM, DEC },
    });
    const rows = degradeChild(
      withRows({
        Episodes: [episode(2, '14/08/2017', '26/03/2026'), episode(3, '26/03/2026', '27/03/2026')],
        Missing: [
          { table: 'Missing', rowNumber: 2, values: { CHILD: 'C1', MIS_START: '28/03/2026', MIS_END: '' } },
        ],
      }),
      key,
    );
    expect(JSON.stringify(rows)).not.toMatch(/2[678]\/03\/2026/);
    expect(rows[1]!.values).toMatchObject({ DECOM: '14/08/2017', DEC: '01/03/2026' });
    expect(rows[2]!.values).toMatchObject({ DECOM: '01/03/2026', DEC: '01/03/2026' });
    expect(rows[3]!.values).toMatchObject({ MIS_START: '01/03/2026', MIS_END: '' });
    // A date two days away says nothing exact about the birthday: kept in full.
    const later = degradeChild(withRows({ Episodes: [episode(2, '14/08/2017', '29/03/2026')] }), key);
    expect(later[1]!.values.DEC).toBe('29/03/2026');
  });
});

describe('SSDA903 degrade: dates far from the 18th birthday kept without being read', () => {
  // The rule written plainly, to hold the quicker one to: every kept date is read and compared.
  const expectedDate = (value: string, dob: string): string => {
    const born = parseUkDate(dob);
    const day = parseUkDate(value);
    if (value === '' || born === null || day === null) return value;
    return revealsBirthday(day, eighteenthBirthday(born)) ? formatUkDay(firstOfMonth(day)) : value;
  };
  const expectedMonth = (value: string): string => {
    const day = parseUkDate(value);
    return value === '' ? '' : day === null ? '' : formatUkDay(firstOfMonth(day));
  };

  // Every way parseUkDate reads a date (one or two digits, spaces around), and some it does not.
  const written = (day: number, variant: number): string => {
    const { year, month, day: date } = dayParts(day);
    const two = (part: number) => String(part).padStart(2, '0');
    switch (variant % 6) {
      case 0:
        return formatUkDay(day);
      case 1:
        return `${date}/${month}/${year}`;
      case 2:
        return ` ${two(date)}/${two(month)}/${year}`;
      case 3:
        return `${two(date)}/${two(month)}/${year} `;
      case 4:
        return `${two(date)}/${two(month)}/${year}x`;
      default:
        return `${two(date)}-${two(month)}-${year}`;
    }
  };

  it('degrades every date as reading each one would, across the turn of the year', () => {
    let seed = 18;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const births = ['31/12/2007', '01/01/2008', '30/12/2007', '02/01/2008', '29/02/2008', '15/06/2008'];
    for (let round = 0; round < 400; round++) {
      const dob =
        round % 10 === 9
          ? ['', '31/02/2008', '1/1/08', ' 01/01/2008'][Math.floor(round / 10) % 4]!
          : formatUkDay(parseUkDate(births[round % births.length]!)! + Math.floor(random() * 3000) - 1500);
      const born = parseUkDate(dob) ?? parseUkDate('01/01/2008')!;
      const eighteenth = eighteenthBirthday(born);
      // Dates within a few days of the 18th birthday, a year either side of it, and far from it.
      const near = () => eighteenth + Math.floor(random() * 7) - 3;
      const around = () => eighteenth + (random() < 0.5 ? -1 : 1) * (360 + Math.floor(random() * 10));
      const far = () => eighteenth - 800 - Math.floor(random() * 4000);
      const pick = () => [near, around, far][Math.floor(random() * 3)]!();
      const episodes = Array.from({ length: 4 }, (_, index) => ({
        table: 'Episodes' as const,
        rowNumber: index + 2,
        values: {
          CHILD: 'C1',
          DECOM: written(pick(), Math.floor(random() * 6)),
          DEC: index === 3 ? '' : written(pick(), Math.floor(random() * 6)),
        },
      }));
      const uasc = {
        table: 'UASC' as const,
        rowNumber: 2,
        values: { CHILD: 'C1', DUC: written(pick(), round) },
      };
      const header = { table: 'Header' as const, rowNumber: 2, values: { CHILD: 'C1', DOB: dob } };
      const rows = degradeChild(
        { child: 'C1', rows: { Header: [header], Episodes: episodes, UASC: [uasc] } },
        key,
      );
      expect(rows[0]!.values.DOB).toBe(expectedMonth(dob));
      episodes.forEach((episode, index) => {
        const degraded = rows[index + 1]!.values;
        expect(degraded.DECOM, `${episode.values.DECOM}, born ${dob}`).toBe(
          expectedDate(episode.values.DECOM, dob),
        );
        expect(degraded.DEC, `${episode.values.DEC}, born ${dob}`).toBe(
          expectedDate(episode.values.DEC, dob),
        );
      });
      expect(rows[5]!.values.DUC).toBe(expectedMonth(uasc.values.DUC));
    }
  });
});

describe('SSDA903 degrade: dates read as the row store parsed them', () => {
  const withDays = (row: Row): Row => {
    const days: Record<string, number | null> = {};
    for (const [field, text] of Object.entries(row.values)) if (isDateField(field)) days[field] = dayOf(text);
    return { ...row, days };
  };

  it('treats every kept date as a date field, so the row store parses each of them', () => {
    const dated = Object.entries(COLUMN_TREATMENT).filter(([, treatment]) =>
      ['date', 'month'].includes(treatment),
    );
    expect(dated.length).toBeGreaterThan(10);
    for (const [column] of dated) expect(isDateField(column), column).toBe(true);
  });

  it('degrades rows that carry their days as it degrades rows that do not, or carry only some', () => {
    const dateRows = (DEC: string, DUC: string, dob: string): ChildRecord['rows'] => ({
      Header: [{ table: 'Header', rowNumber: 2, values: { CHILD: 'C1', DOB: dob } }],
      Episodes: [
        { table: 'Episodes', rowNumber: 2, values: { CHILD: 'C1', DECOM: '14/08/2017', DEC } },
        { table: 'Episodes', rowNumber: 3, values: { CHILD: 'C1', DECOM: DEC, DEC: '' } },
      ],
      UASC: [{ table: 'UASC', rowNumber: 2, values: { CHILD: 'C1', DUC } }],
    });
    const cases = [
      ['27/03/2026', '27/03/2026', '27/03/2008'],
      ['28/03/2026', '31/02/2026', '27/03/2008'],
      ['26/03/2026', '', '31/02/2008'],
      ['29/03/2026', 'soon', ''],
    ] as const;
    for (const [DEC, DUC, dob] of cases) {
      const plain = dateRows(DEC, DUC, dob);
      const expected = degradeChild({ child: 'C1', rows: plain }, key);
      const carried = Object.fromEntries(
        Object.entries(plain).map(([table, rows]) => [table, rows.map(withDays)]),
      );
      expect(degradeChild({ child: 'C1', rows: carried }, key)).toEqual(expected);
      // Days that lack a date column (undefined) leave it to be read from its text: never kept unchecked.
      const partial = Object.fromEntries(
        Object.entries(plain).map(([table, rows]) => [table, rows.map((row) => ({ ...row, days: {} }))]),
      );
      expect(degradeChild({ child: 'C1', rows: partial }, key)).toEqual(expected);
    }
    expect(
      JSON.stringify(degradeChild({ child: 'C1', rows: dateRows('27/03/2026', '', '27/03/2008') }, key)),
    ).not.toContain('27/03/20');
  });
});
