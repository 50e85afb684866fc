// The real sample CIN census files (test/fixtures/cin) ingest, and their findings are right: the small
// files finding by finding (each checked by hand, reasons beside them), the large one against independent
// counts made from the raw XML with regular expressions and Date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCinReturn } from '../../../shared/domain/cin/engine.ts';
import { buildCinReport } from '../../../shared/domain/cin/report.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cin');
const sample = (name: string) => readFileSync(path.join(samples, name));

/** Read for the council the file's header names (201, and 975 for the large file). */
async function check(name: string, collectionYear: number, la = '201') {
  const result = await readCinReturn([{ name, body: sample(name) }], { collectionYear, la });
  expect(result.status).toBe('accepted');
  if (result.status !== 'accepted') throw new Error('rejected');
  return result;
}
const pairs = (result: Awaited<ReturnType<typeof check>>) =>
  result.findings.map((finding) => `${finding.code}@${finding.child}`).sort();

describe('CIN_Census_2024.xml (two children)', () => {
  it('as the 2023/24 census: the findings a reviewer expects', async () => {
    const result = await check('CIN_Census_2024.xml', 2024);
    expect(result.children).toBe(2);
    expect(result.schema).toBe('CIN_schema_2024.xsd');
    expect(pairs(result)).toEqual(
      [
        // Child 1 (referred 2022-10-06, a year before this census year):
        'SCHEMA:stray-text@1', // the word "PersonBirthDate" pasted between two elements
        'SCHEMA:element-name@1', // <Sex> in a 2023/24 file, which names it GenderCurrent
        'SCHEMA:factor@1', // assessment factor "RB" is not a code
        '1510@1', // A123456789123: the check letter of 123456789123 is P
        '1530@1', // "123" is not a local authority number
        '1103@2', // child 2: assessment 2023-12-25 starts before the referral of 2024-10-24
        '1104@1', // conference 2022-06-17 before the referral
        '1105@1', // plan 2022-02-17 before the referral
        '2884@1', // conference on the episode and on the section 47
        '2889@1', // section 47 2022-06-02 before the referral
        '4001@1', // CIN plan 24–26 January 2023 inside the plan of 2022-02-17 to 2023-03-14
        '4016@1', // the same CIN plan starts while the protection plan runs, reported under its own code
        '4013@1', // CIN plan ends before April 2023
        '8565@1', // assessment starting 2028-04-28, after the episode closed on 2023-02-27
        '8600@2', // child 2 referred 2024-10-24, after 31 March 2024
        '8608@1', // assessment starts 2028-04-28 after its authorisation in 2020
        '8620@1', // closed 2023-02-27, before the year
        '8620@2', // closed 2024-10-29, after the year
        '8696@1', // authorised 2020-09-19, outside the year
        '8715@1', // conference 2022-12-06 (episode) outside the year
        '8715@1', // conference 2022-06-17 (section 47) outside the year
        '8897Q@2', // completed assessment with an empty factors list
        '8930@1', // plan ended 2023-03-14, before the year
        'SCHEMA:element-name@2',
      ].sort(),
    );
    // Fewer than 8 disability codes in the return (HAND, HEAR, NONE).
    expect(result.councilIssues.map((issue) => issue.code)).toEqual(['2887Q']);
    const report = buildCinReport(result);
    expect(report.status).toBe('accepted_with_issues');
    expect(report.queries.map((query) => query.code).sort()).toEqual(['2887Q', '8897Q']);
    expect(report.errors.every((error) => !error.code.endsWith('Q'))).toBe(true);
  });

  it('as the 2024/25 census: Sex is right, but its code 1, the LA child ID and the reference date are not', async () => {
    const result = await check('CIN_Census_2024.xml', 2025);
    const found = pairs(result);
    expect(found).not.toContain('SCHEMA:element-name@1');
    expect(found).toContain('4180@1'); // Sex 1 (the old code for male); M, F or U from 2024/25
    expect(found).not.toContain('4180@2'); // Sex M
    expect(found).toContain('1570@2'); // "child_fails_assessments" is 23 characters
    expect(found).toContain('1580@2'); // and has underscores
    expect(found).toContain('8568@2'); // ReferralNFA "false": 0 or 1 from 2024/25
    expect(found).not.toContain('8568@1'); // ReferralNFA "0"
    expect(result.councilIssues.map((issue) => issue.code).sort()).toEqual(['100', '2887Q']);
  });
});

describe('CIN_Census_2021.xml (one child, dates around 1970)', () => {
  it('as the 2022/23 census its header names: the findings a reviewer expects', async () => {
    const result = await check('CIN_Census_2021.xml', 2023);
    expect(pairs(result)).toEqual(
      [
        'SCHEMA:stray-text@1',
        '1103@1', // assessment 1970-06-03 before the referral 1970-10-06
        '1104@1', // section 47 conference 1970-06-17 before the referral
        '1105@1', // plan 1970-02-17 before the referral
        '1510@1',
        '1530@1',
        '2884@1',
        '2889@1', // section 47 1970-06-02 before the referral
        '4001@1',
        '4016@1', // the CIN plan starts during the protection plan (as 4001)
        '4013@1',
        '8525Q@1', // both a date of birth and an expected date of birth
        '8530Q@1', // expected date of birth 1066-04-13
        '8545Q@1', // died 1980, not in the census year
        '8620@1',
        '8696@1',
        '8715@1',
        '8715@1',
        '8775Q@1', // born 1965
        '8875@1', // conference on Sunday 6 December 1970
        '8930@1',
      ].sort(),
    );
    // The header's reference date is right for 2022/23.
    expect(result.councilIssues.map((issue) => issue.code)).toEqual(['2887Q']);
  });
});

describe('fake_CIN_data.xml (332 children, the 2021/22 census)', () => {
  const xml = sample('fake_CIN_data.xml').toString('utf8');
  const YEAR_START = '2021-04-01';
  const YEAR_END = '2022-03-31';
  const values = (element: string) =>
    [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1]!.trim());
  const weekend = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
  const outside = (iso: string) => iso < YEAR_START || iso > YEAR_END;

  it('matches counts made independently from the raw XML', async () => {
    const result = await check('fake_CIN_data.xml', 2022, '975');
    const count = (code: string) => result.counts.find((entry) => entry.code === code)?.count ?? 0;
    expect(result.children).toBe(values('LAchildID').length);
    expect(result.children).toBe(332);
    // Conference dates (episode and section 47 level share the element name) on a weekend / outside the year.
    const conferences = values('DateOfInitialCPC');
    expect(count('8875')).toBe(conferences.filter(weekend).length);
    expect(count('8715')).toBe(conferences.filter(outside).length);
    // Births after the end of the year; referrals after it; closures outside it.
    expect(count('8520')).toBe(values('PersonBirthDate').filter((date) => date > YEAR_END).length);
    expect(count('8600')).toBe(values('CINreferralDate').filter((date) => date > YEAR_END).length);
    expect(count('8620')).toBe(values('CINclosureDate').filter(outside).length);
    // UPN check letters by an independent implementation.
    const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
    const wrongLetter = values('UPN').filter((upn) => {
      if (!/^[A-Z]\d{12}$/.test(upn)) return false;
      const sum = [...upn.slice(1)].reduce((total, digit, index) => total + Number(digit) * (index + 2), 0);
      return upn[0] !== letters[sum % 23];
    });
    expect(count('1510')).toBe(wrongLetter.length);
    expect(wrongLetter.length).toBeGreaterThan(300);
    // The header's reference date 2022-07-21 is not 31 March 2022.
    expect(result.councilIssues.map((issue) => issue.code)).toContain('100');
    expect(count('8831')).toBeGreaterThan(0);
  });
});
