import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE_COVERAGE } from '../../../../shared/domain/ssda903/rules/coverage.ts';
import { KNOWN_YEARS, rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { readCatalogue } from './catalogue.ts';

const entry = (code: string) => RULE_CATALOGUE_COVERAGE.find((item) => item.code === code);

describe('catalogue coverage list', () => {
  it('lists every code ever in force, once, in natural order', () => {
    const everyCode = new Set(KNOWN_YEARS.flatMap((year) => rulesFor(year).map((rule) => rule.code)));
    const listed = RULE_CATALOGUE_COVERAGE.map((item) => item.code);
    expect(new Set(listed)).toEqual(everyCode);
    expect(listed.length).toBe(everyCode.size);
    expect(listed.indexOf('101')).toBeLessThan(listed.indexOf('1000'));
  });

  it('records first year, withdrawal and version years', () => {
    expect(entry('146')).toMatchObject({ firstYear: 2023, lastYear: null, versionYears: [2023, 2025, 2026] });
    expect(entry('SW01STG1')).toMatchObject({ firstYear: 2024, lastYear: 2024, versionYears: [2024] });
    expect(entry('700')).toMatchObject({ firstYear: 2027, lastYear: null, versionYears: [2027] });
    expect(entry('102')).toMatchObject({ firstYear: 2023, lastYear: null, versionYears: [2023] });
  });

  it('covers a share of the 2026/27 catalogue that can be reported', () => {
    const catalogue = readCatalogue();
    const current = RULE_CATALOGUE_COVERAGE.filter((item) => item.lastYear === null);
    expect(current.every((item) => catalogue.has(item.code))).toBe(true);
    expect(current.length).toBe(rulesFor(2027).length);
    expect(catalogue.size).toBe(322);
  });
});
