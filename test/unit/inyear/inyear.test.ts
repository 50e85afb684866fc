// The in-year core dataset: the published format (docs and JSON Schema made from the code), the reader's
// every blocking and row-level wording, revisions that replace a month without double counting, and the
// indicators worked out from the months.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  INYEAR_COLUMNS,
  inyearJsonSchema,
  MEASURES,
  monthsOfYear,
} from '../../../shared/domain/inyear/format.ts';
import {
  flowTotal,
  type InYearMonth,
  inyearIndicators,
  latestSnapshot,
  mergeMonths,
  missingMonths,
  yearToDate,
} from '../../../shared/domain/inyear/months.ts';
import { type MonthRow, readInyearCsv } from '../../../shared/domain/inyear/reader.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLE = readFileSync(path.join(root, 'docs', 'inyear-example.csv'), 'utf8');
const HEAD =
  'version,la,month,referrals,re_referrals,assessments_completed,assessments_within_45_days,sw_fte_in_post';

const read = (text: string | Buffer, options: { la?: string; year?: number } = {}) =>
  readInyearCsv(typeof text === 'string' ? Buffer.from(text) : text, {
    fileName: 'inyear.csv',
    collectionYear: options.year ?? 2026,
    la: options.la ?? '886',
  });

async function blocking(text: string | Buffer) {
  const result = await read(text);
  if (result.status !== 'rejected') throw new Error('accepted');
  return result.blocking;
}

async function accepted(text: string) {
  const result = await read(text);
  if (result.status !== 'accepted') throw new Error(`rejected: ${result.blocking.message}`);
  return result;
}

describe('in-year format: what is published', () => {
  it('publishes the JSON Schema made from the column definitions', () => {
    const published = JSON.parse(readFileSync(path.join(root, 'docs', 'inyear-v1.schema.json'), 'utf8'));
    expect(published).toEqual(inyearJsonSchema());
    expect(Object.keys(published.properties)).toEqual(INYEAR_COLUMNS);
  });

  it('documents every column in docs/inyear-format.md', () => {
    const doc = readFileSync(path.join(root, 'docs', 'inyear-format.md'), 'utf8');
    for (const measure of MEASURES) {
      expect(doc).toContain(`| \`${measure.column}\` | ${measure.family} | ${measure.timing} |`);
      expect(doc).toContain(measure.description);
    }
  });

  it('the example file follows the JSON Schema and reads with no problems', async () => {
    const schema = inyearJsonSchema() as {
      required: string[];
      properties: Record<string, { pattern?: string; const?: string }>;
    };
    const [head, ...lines] = EXAMPLE.trim().split('\n');
    const columns = head!.split(',');
    for (const line of lines) {
      const cells = line.split(',');
      for (const required of schema.required) expect(columns).toContain(required);
      columns.forEach((column, index) => {
        const rule = schema.properties[column]!;
        if (rule.const !== undefined) expect(cells[index]).toBe(rule.const);
        if (rule.pattern) expect(cells[index]).toMatch(new RegExp(rule.pattern));
      });
    }
    const result = await accepted(EXAMPLE);
    expect(result.findings.total).toBe(0);
    expect(result.rows.map((row) => row.month)).toEqual(monthsOfYear(2026).slice(0, 6));
    expect(result.rows[3]!.figures.referrals_nfa).toBeUndefined();
    expect(result.rows[0]!.figures).toMatchObject({ referrals: 1432, sw_fte_in_post: 648.4 });
  });

  it('the schema’s patterns refuse what the reader refuses', () => {
    const schema = inyearJsonSchema() as { properties: Record<string, { pattern: string }> };
    const count = new RegExp(schema.properties.referrals!.pattern);
    const fte = new RegExp(schema.properties.sw_fte_in_post!.pattern);
    expect(['', '0', '1432'].every((value) => count.test(value))).toBe(true);
    expect(['1.5', '-3', 'ten', '1,432'].some((value) => count.test(value))).toBe(false);
    expect(['648.40', '648', ''].every((value) => fte.test(value))).toBe(true);
    expect(fte.test('648.401')).toBe(false);
  });

  it('a collection year runs April to March', () => {
    expect(monthsOfYear(2026)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('in-year reader: whole-file problems reject it with a reason', () => {
  it.each([
    [
      'an unknown column',
      'version,la,month,referals\n1,886,2025-04,10\n',
      'unknown-column',
      /a column that version 1 of the in-year dataset does not have: "referals"\. Check the spelling/,
    ],
    [
      'a column twice',
      'version,la,month,referrals,REFERRALS\n1,886,2025-04,1,1\n',
      'duplicate-column',
      /has the column "referrals" twice/,
    ],
    [
      'a column with no name',
      'version,la,month,\n1,886,2025-04,\n',
      'blank-column-name',
      /a column with no name/,
    ],
    ['no month column', 'version,la,referrals\n1,886,10\n', 'missing-column', /has no "month" column/],
    [
      'another version',
      `${HEAD}\n2,886,2025-04,1,0,1,1,1\n`,
      'wrong-version',
      /says format version "2"; we read version 1/,
    ],
    [
      'another council',
      `${HEAD}\n1,212,2025-04,1,0,1,1,1\n`,
      'wrong-council',
      /return of council .*\(212\) \(the la column of row 2\), but this submission is for council Kent \(886\)/,
    ],
    [
      'a month twice',
      `${HEAD}\n1,886,2025-04,1,0,1,1,1\n1,886,2025-04,2,0,1,1,1\n`,
      'duplicate-month',
      /gives 2025-04 twice \(rows 2 and 3\)/,
    ],
    ['a header and no months', `${HEAD}\n\n`, 'no-records', /has a header row but no months/],
    ['an empty file', '', 'empty-file', /is empty/],
    ['an unmatched quote', `${HEAD}\n1,886,"2025-04,1,0,1,1,1\n`, 'csv-quotes', /could not be read as CSV/],
  ])('%s', async (_, text, kind, message) => {
    const problem = await blocking(text);
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(message);
  });

  it('a spreadsheet saved by mistake', async () => {
    const problem = await blocking(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    expect(problem.kind).toBe('binary');
    expect(problem.message).toMatch(/Excel workbook/);
  });
});

describe('in-year reader: row and cell problems are listed, and the rest is used', () => {
  it('words every cell problem and leaves only that cell out', async () => {
    const result = await accepted(
      [
        HEAD,
        '1,886,2025-04,ten,0,5,4,10.5',
        '1,886,2025-05,-3,0,5,4,1.234',
        '1,886,2025-06,12.5,0,5,4,2000000',
        '1,886,2025-07,10,11,5,6,3',
        '1,886,2025-13,10,0,5,4,3',
        '1,886,2024-12,10,0,5,4,3',
        '1,886,2025-08,10,0,5',
        '1,886,2025-09,20,2,8,7,11.25',
        '',
      ].join('\r\n'),
    );
    const lines = result.findings.listed.map(
      (finding) =>
        `${finding.code}|${finding.record}|${finding.rowNumber}|${finding.field}|${finding.message}`,
    );
    expect(lines).toEqual([
      'INYEAR:not-a-number|Month 2025-04|2|referrals|Month 2025-04, referrals: "ten" is not a number (write digits only, with no commas or units). It is treated as not collected for the month.',
      'INYEAR:negative|Month 2025-05|3|referrals|Month 2025-05, referrals: "-3" is negative; it must be 0 or more. It is treated as not collected for the month.',
      'INYEAR:decimals|Month 2025-05|3|sw_fte_in_post|Month 2025-05, sw_fte_in_post: "1.234" has more than 2 decimal places. It is treated as not collected for the month.',
      'INYEAR:decimals|Month 2025-06|4|referrals|Month 2025-06, referrals: "12.5" is not a whole number; this measure counts children or events. It is treated as not collected for the month.',
      'INYEAR:too-large|Month 2025-06|4|sw_fte_in_post|Month 2025-06, sw_fte_in_post: "2000000" is larger than 1,000,000, more than any council’s monthly figure. It is treated as not collected for the month.',
      'INYEAR:part-exceeds-whole|Month 2025-07|5|re_referrals|Month 2025-07: re_referrals (11) is larger than referrals (10), which it is part of. re_referrals is treated as not collected for the month.',
      'INYEAR:part-exceeds-whole|Month 2025-07|5|assessments_within_45_days|Month 2025-07: assessments_within_45_days (6) is larger than assessments_completed (5), which it is part of. assessments_within_45_days is treated as not collected for the month.',
      'INYEAR:month|Row 6|6|month|Row 6: the month "2025-13" is not written yyyy-mm (for example 2025-10), so the row was not read.',
      'INYEAR:month|Row 7|7|month|Row 7: 2024-12 is not in the 2025/26 collection year (2025-04 to 2026-03), so the row was not read. Send it with the submission for its own year.',
      'INYEAR:row-length|Row 8|8||Row 8 has 6 cells but the header row has 8, so the row was not read. Check for a stray comma.',
    ]);
    expect(result.rows.map((row) => row.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-09',
    ]);
    expect(result.rows[0]!.figures).toEqual({
      re_referrals: 0,
      assessments_completed: 5,
      assessments_within_45_days: 4,
      sw_fte_in_post: 10.5,
    });
    expect(result.rows[3]!.figures).toEqual({ referrals: 10, assessments_completed: 5, sw_fte_in_post: 3 });
  });

  it('notes the measures a file leaves out and reads the columns in any order and case', async () => {
    const result = await accepted('MONTH,LA,Version,Referrals\n2025-04,886,1,12\n');
    expect(result.rows).toEqual([{ month: '2025-04', rowNumber: 2, figures: { referrals: 12 } }]);
    expect(result.notices[0]).toMatchObject({ kind: 'measures-not-sent', severity: 'info' });
    expect(result.notices[0]!.message).toMatch(
      /^These measures are not in the file and are treated as not collected: re_referrals, /,
    );
  });
});

const row = (month: string, figures: Record<string, number>): MonthRow => ({ month, rowNumber: 2, figures });

describe('in-year months: late, revised and missing months', () => {
  it('a revised month replaces the earlier figure: the totals count each month once', () => {
    const first = mergeMonths(
      [],
      [
        row('2025-04', { referrals: 100 }),
        row('2025-05', { referrals: 120 }),
        row('2025-06', { referrals: 90 }),
      ],
      'SUB-1',
      '2025-07-10T09:00:00.000Z',
    );
    expect(flowTotal(first.months, 'referrals').total).toBe(310);
    const second = mergeMonths(
      first.months,
      [
        row('2025-05', { referrals: 125 }),
        row('2025-06', { referrals: 90 }),
        row('2025-07', { referrals: 80 }),
      ],
      'SUB-2',
      '2025-08-10T09:00:00.000Z',
    );
    expect(second.changes).toEqual([
      { month: '2025-05', change: 'revised' },
      { month: '2025-06', change: 'unchanged' },
      { month: '2025-07', change: 'new' },
    ]);
    // 100 + 125 (revised, not 120 + 125) + 90 + 80.
    expect(flowTotal(second.months, 'referrals')).toEqual({ total: 395, months: 4 });
    expect(second.months.map((month) => [month.month, month.submissionId, month.revision])).toEqual([
      ['2025-04', 'SUB-1', 1],
      ['2025-05', 'SUB-2', 2],
      ['2025-06', 'SUB-1', 1],
      ['2025-07', 'SUB-2', 1],
    ]);
    // The earlier state is untouched (it stays in the history).
    expect(flowTotal(first.months, 'referrals').total).toBe(310);
    const third = mergeMonths(
      second.months,
      [row('2025-05', { referrals: 120 })],
      'SUB-3',
      '2025-09-01T00:00:00.000Z',
    );
    expect(third.months[1]).toMatchObject({ revision: 3, submissionId: 'SUB-3' });
    expect(flowTotal(third.months, 'referrals').total).toBe(390);
  });

  it('a month sent again replaces the whole row: a measure left blank is no longer counted', () => {
    const first = mergeMonths([], [row('2025-04', { referrals: 100, re_referrals: 20 })], 'A', 't1');
    const second = mergeMonths(first.months, [row('2025-04', { referrals: 100 })], 'B', 't2');
    expect(second.months[0]!.figures).toEqual({ referrals: 100 });
  });

  it('names the months missing before the latest one, and sorts late months into place', () => {
    const merged = mergeMonths(
      [],
      [row('2025-09', { referrals: 1 }), row('2025-04', { referrals: 1 }), row('2025-06', { referrals: 1 })],
      'A',
      't',
    );
    expect(merged.months.map((month) => month.month)).toEqual(['2025-04', '2025-06', '2025-09']);
    expect(missingMonths(merged.months, 2026)).toEqual(['2025-05', '2025-07', '2025-08']);
    expect(missingMonths([], 2026)).toEqual([]);
  });
});

const month = (name: string, figures: Record<string, number>): InYearMonth => ({
  month: name,
  figures,
  submissionId: 'S',
  receivedAt: 't',
  revision: 1,
});

describe('in-year indicators from the months', () => {
  const months = [
    month('2025-04', {
      referrals: 100,
      re_referrals: 20,
      referrals_nfa: 10,
      assessments_completed: 80,
      assessments_within_45_days: 60,
      assessments_not_in_need: 20,
      section_47_started: 30,
      icpc_held: 10,
      icpc_within_15_days: 8,
      cp_plans_started: 9,
      cp_plans_started_repeat: 2,
      cp_plans_open: 300,
      cla_started: 12,
      cla_open: 500,
      sw_fte_in_post: 100,
      sw_agency_fte: 12,
      sw_vacancy_fte: 15,
      sw_leavers_fte: 1.5,
      sw_sickness_days_lost: 120,
      sw_cases: 1500,
      sw_case_holder_fte: 80,
    }),
    month('2025-05', {
      referrals: 140,
      re_referrals: 28,
      assessments_completed: 120,
      assessments_within_45_days: 100,
      section_47_started: 34,
      icpc_held: 14,
      icpc_within_15_days: 10,
      cp_plans_started: 11,
      cp_plans_started_repeat: 3,
      cp_plans_open: 310,
      cla_started: 8,
      cla_open: 510,
      sw_fte_in_post: 104,
      sw_agency_fte: 10,
      sw_vacancy_fte: 13,
      sw_leavers_fte: 2.5,
      sw_sickness_days_lost: 100,
      sw_cases: 1560,
      sw_case_holder_fte: 82,
    }),
  ];

  it('sums proportions over the months that give both parts, annualises flows and takes snapshots at the latest month', () => {
    const indicators = inyearIndicators(months);
    expect(indicators['re-referrals']).toEqual({ numerator: 48, denominator: 240 });
    // Only April gives referrals_nfa, so only April's referrals are its denominator.
    expect(indicators['referrals-no-further-action']).toEqual({ numerator: 10, denominator: 100 });
    expect(indicators['assessment-timeliness']).toEqual({ numerator: 160, denominator: 200 });
    expect(indicators['assessed-not-in-need']).toEqual({ numerator: 20, denominator: 80 });
    expect(indicators['referral-rate']).toEqual({ numerator: 1440, denominator: null }); // 240 × 12 / 2
    expect(indicators['section-47-rate']).toEqual({ numerator: 384, denominator: null });
    expect(indicators['icpc-rate']).toEqual({ numerator: 144, denominator: null });
    expect(indicators['icpc-timeliness']).toEqual({ numerator: 18, denominator: 24 });
    expect(indicators['repeat-cp-plans']).toEqual({ numerator: 5, denominator: 20 });
    expect(indicators['cp-rate']).toEqual({ numerator: 310, denominator: null });
    expect(indicators['cla-rate']).toEqual({ numerator: 510, denominator: null });
    expect(indicators['cla-starting-rate']).toEqual({ numerator: 120, denominator: null });
    expect(indicators['sw-vacancy-rate']).toEqual({ numerator: 13, denominator: 117 });
    expect(indicators['sw-agency-rate']).toEqual({ numerator: 10, denominator: 114 });
    expect(indicators['sw-turnover-rate']).toEqual({ numerator: 24, denominator: 104 }); // (1.5 + 2.5) × 6
    // 220 days over 104 FTE × 253 days × 2/12.
    expect(indicators['sw-absence-rate']).toEqual({ numerator: 220, denominator: 4385.333333 });
    expect(indicators['average-caseload']).toEqual({ numerator: 1560, denominator: 82 });
  });

  it('gives no indicator for measures never sent, and no workforce rates without FTE in post', () => {
    const indicators = inyearIndicators([month('2025-04', { referrals: 10, sw_vacancy_fte: 3 })]);
    expect(Object.keys(indicators)).toEqual(['referral-rate']);
    expect(inyearIndicators([])).toEqual({});
  });

  it('year-to-date figures sum flows and take snapshots from the latest month that gives them', () => {
    const totals = yearToDate([...months, month('2025-06', { referrals: 60 })]);
    expect(totals).toMatchObject({
      monthsReceived: 3,
      referrals: 300,
      cla_open: 510,
      referrals_nfa: 10,
      cla_ceased: null,
    });
    expect(latestSnapshot(months, 'cla_open')).toEqual({ value: 510, month: '2025-05' });
  });
});

describe('in-year CSV that cannot be read', () => {
  it('blames a double quote only when the file has one, and never quotes the parser', async () => {
    // Not a CSV at all: one line of 70,000 characters with no separator.
    const oneLine = 'x'.repeat(70_000);
    const long = await read(oneLine);
    expect(long.status).toBe('rejected');
    const longMessage = (long as { blocking: { message: string } }).blocking.message;
    expect(longMessage).not.toMatch(/quote/i);
    expect(longMessage).toMatch(/line breaks/);

    const quoted = await read(
      'version,la,month,referrals,re_referrals,sw_fte_in_post,sw_leavers_fte\n1,886,"2025-04,100\n',
    );
    expect(quoted.status).toBe('rejected');
    const quotedMessage = (quoted as { blocking: { message: string } }).blocking.message;
    expect(quotedMessage).toMatch(/double quote/);
    expect(quotedMessage).not.toMatch(/Invalid|CSV_|Quote Not Closed|field \d/);
  });
});

describe('in-year CSV as spreadsheets write it', () => {
  it('skips the byte order mark and blank lines, trims values, undoes doubled quotes and counts lines', async () => {
    const result = await accepted(
      [`\ufeff${HEAD}`, '', ' 1 , 886 ,"2025-04",10,0,5,4,3', '   ', '1,886,2025-05,"1""0",0,5,4,3', ''].join(
        '\r\n',
      ),
    );
    expect(result.rows.map((row) => [row.month, row.rowNumber])).toEqual([
      ['2025-04', 3],
      ['2025-05', 5],
    ]);
    expect(result.rows[0]!.figures).toEqual({
      referrals: 10,
      re_referrals: 0,
      assessments_completed: 5,
      assessments_within_45_days: 4,
      sw_fte_in_post: 3,
    });
    expect(result.findings.listed.map((finding) => [finding.code, finding.rowNumber, finding.value])).toEqual(
      [['INYEAR:not-a-number', 5, '1"0']],
    );
  });

  it('allows spaces around a quoted value, as it always has', async () => {
    const result = await accepted(`${HEAD}\n1,886, "2025-04" ,10, "0",5,4,3\n`);
    expect(result.rows.map((row) => [row.month, row.figures.re_referrals])).toEqual([['2025-04', 0]]);
  });

  it('reads a file saved as Windows-1252 and says so', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEAD}\n1,886,2025-04,`),
      Buffer.from([0xa3]),
      Buffer.from('10,0,5,4,3\n'),
    ]);
    const result = await accepted(bytes as unknown as string);
    expect(result.notices.map((notice) => notice.kind)).toContain('encoding-windows-1252');
    expect(result.findings.listed.map((finding) => finding.value)).toEqual(['£10']);
  });
});

describe('in-year CSV refusals name the line', () => {
  it.each([
    ['a quote inside a value', `${HEAD}\n1,886,2025-04,1,0,1,1,1\n1,886,2025-0"5,1,0,1,1,1\n`, 3],
    ['text after a closing quote', `${HEAD}\n1,886,2025-04,1,0,1,1,1\n1,886,"2025-05"x,1,0,1,1,1\n`, 3],
  ])('%s', async (_, text, line) => {
    const problem = await blocking(text);
    expect(problem.kind).toBe('csv-quotes');
    expect(problem.message).toMatch(new RegExp(`at line ${line}: a double quote`));
  });

  it('blames a very long row on a quote when the file has one', async () => {
    const problem = await blocking(`${HEAD}\n1,886,"${'x'.repeat(70_000)}\n`);
    expect(problem.kind).toBe('csv-quotes');
    expect(problem.message).toMatch(/at line 2: a double quote \("\) is opened and never closed/);
  });
});
