// What leaves ingest for a CIN child (degraded extract) and what the council's report holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CIN_CURATED_TABLES,
  childKey,
  degradeCinChild,
  monthOf,
} from '../../../shared/domain/cin/degrade.ts';
import { readCinReturn } from '../../../shared/domain/cin/engine.ts';
import type { CinChild } from '../../../shared/domain/cin/model.ts';
import { buildCinReport, cinReportSchema, renderCinReportCsv } from '../../../shared/domain/cin/report.ts';
import { councilPseudonymKey } from '../../../shared/domain/privacy.ts';
import { validChild } from './fixtures.ts';

const secret = Buffer.from('unit-test-secret-of-at-least-32-bytes!!');
const kent = councilPseudonymKey(secret, '886');
const barnet = councilPseudonymKey(secret, '302');

describe('degrading a CIN child', () => {
  it('keys the child per council, keeps the month of birth, and drops UPN and LA child ID', () => {
    const child = validChild();
    child.formerUpn = 'X98765432123B';
    child.deathDate = '2025-01-17';
    const key = childKey(child as CinChild, kent);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(childKey(child as CinChild, kent)).toBe(key);
    expect(childKey(child as CinChild, barnet)).not.toBe(key);
    const rows = degradeCinChild(child as CinChild, key);
    const text = JSON.stringify(rows);
    for (const secretValue of ['ABC123', 'A886123456789', 'X98765432123B', '2015-06-15', '2025-01-17'])
      expect(text).not.toContain(secretValue);
    const children = rows.find((row) => row.table === 'Children')!;
    expect(
      Object.fromEntries(
        CIN_CURATED_TABLES.Children.map((column, index) => [column, children.values[index]]),
      ),
    ).toMatchObject({
      ChildKey: key,
      BirthMonth: '2015-06-01',
      DeathMonth: '2025-01-01',
      Sex: 'M',
    });
    expect(rows.map((row) => row.table)).toEqual([
      'Children',
      'CINdetails',
      'Assessments',
      'Section47',
      'ChildProtectionPlans',
    ]);
    for (const row of rows) expect(row.values).toHaveLength(CIN_CURATED_TABLES[row.table].length);
  });

  it('keeps to its month a date within a day of the 18th birthday (a case closed at 18), other dates in full', () => {
    const child = validChild();
    child.birthDate = '2007-03-27';
    child.episodes[0]!.closureDate = '2025-03-27';
    child.episodes[0]!.closureReason = 'RC6';
    const rows = degradeCinChild(child as CinChild, 'k');
    expect(JSON.stringify(rows)).not.toContain('2025-03-27');
    const details = rows.find((row) => row.table === 'CINdetails')!;
    expect(details.values[2]).toBe('2024-05-01');
    expect(details.values[5]).toBe('2025-03-01');
  });

  it('writes nothing it cannot vouch for: malformed dates and long text become blank', () => {
    const child = validChild();
    child.episodes[0]!.referralDate = 'see notes 01/05/2024 A886123456789';
    child.episodes[0]!.primaryNeed = 'Child is at risk from ...';
    const rows = degradeCinChild(child as CinChild, 'k');
    const details = rows.find((row) => row.table === 'CINdetails')!;
    expect(details.values[2]).toBe('');
    expect(details.values[4]).toBe('');
    expect(monthOf('2015-13-40')).toBe('');
    expect(childKey({ ...(child as CinChild), laChildId: '' }, kent)).toBe('');
  });
});

describe('the CIN validation report', () => {
  const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cin');
  const file = readFileSync(path.join(samples, 'CIN_Census_2024.xml'));

  it('keeps errors and queries apart, validates against its schema, and quotes no identifying value', async () => {
    const report = buildCinReport(
      await readCinReturn([{ name: 'cin.xml', body: file }], { collectionYear: 2025 }),
    );
    expect(cinReportSchema.parse(report)).toEqual(report);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.queries.length).toBeGreaterThan(0);
    expect(report.errors.some((rule) => rule.code.endsWith('Q'))).toBe(false);
    expect(report.queries.every((rule) => rule.code.endsWith('Q'))).toBe(true);
    expect(report.totals.problems).toBe(report.totals.errors + report.totals.queries);
    expect(report.rows.every((row) => row.child === null || row.child >= 1)).toBe(true);
    const upnRow = report.rows.find((row) => row.code === '1510')!;
    expect(upnRow).toMatchObject({ field: 'UPN', value: '', valueWithheld: true, child: 1 });
    const json = JSON.stringify(report);
    const csv = renderCinReportCsv(report);
    for (const identifying of [
      'A123456789123',
      'X98765432123B',
      'DfEX0000001',
      'child_fails_assessments',
      '2015-03-27',
      '2023-09-25',
    ]) {
      expect(json).not.toContain(identifying);
      expect(csv).not.toContain(identifying);
    }
    expect(csv.startsWith('\uFEFFType,Code,Severity')).toBe(true);
    expect(csv).toContain('Row problem,1510,error,ChildIdentifiers,"Child 1, UPN",18,Child 1,UPN,(withheld)');
  });

  it('says why a rejected return was rejected', async () => {
    const report = buildCinReport(
      await readCinReturn([{ name: 'cin.xml', body: '<!DOCTYPE x><Message/>' }], { collectionYear: 2025 }),
    );
    expect(report.status).toBe('rejected');
    expect(report.blockingErrors[0]!.kind).toBe('xml-doctype');
    expect(report.summary).toMatch(/could not be checked/);
  });
});
