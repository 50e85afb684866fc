import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../shared/domain/ssda903/model.ts';
import {
  applyYearChange,
  assembleRegistry,
  BASE_RULES,
  FIRST_YEAR,
  KNOWN_YEARS,
  rulesFor,
  YEAR_CHANGES,
} from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule101, rule101Until2024 } from '../../../../shared/domain/ssda903/rules/rule-101.ts';
import {
  rule146,
  rule146Until2024,
  rule146Until2025,
} from '../../../../shared/domain/ssda903/rules/rule-146.ts';
import { readCatalogue } from './catalogue.ts';
import { childWith, contextFor, episode, flagged, header } from './helpers.ts';

const codesIn = (year: number) => rulesFor(year).map((rule) => rule.code);
const ruleIn = (year: number, code: string) => rulesFor(year).find((rule) => rule.code === code);

describe('rule registry per collection year', () => {
  it('knows the years 2022/23 to 2026/27', () => {
    expect(KNOWN_YEARS).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(FIRST_YEAR).toBe(2023);
  });

  it('holds each rule code once per year', () => {
    for (const year of KNOWN_YEARS) expect(new Set(codesIn(year)).size).toBe(codesIn(year).length);
  });

  it('adds rules in the year they appear: SW episodes in 2023/24, DoLo in 2026/27', () => {
    expect(codesIn(2023)).not.toContain('SW02STG1');
    expect(codesIn(2024)).toContain('SW02STG1');
    expect(codesIn(2026)).not.toContain('700');
    expect(codesIn(2027)).toEqual(
      expect.arrayContaining(['700', '701', '702', '703', '704', '705', '707', '708']),
    );
  });

  it('drops a removed rule: SW01STG1 is in force in 2023/24 only', () => {
    expect(codesIn(2024)).toContain('SW01STG1');
    for (const year of [2025, 2026, 2027]) expect(codesIn(year)).not.toContain('SW01STG1');
    expect(codesIn(2025)).toEqual(expect.arrayContaining(['SW01aSTG1', 'SW01bSTG1']));
  });

  it('uses the replacing version from the year of the change', () => {
    expect(ruleIn(2023, '146')).toBe(rule146Until2024);
    expect(ruleIn(2024, '146')).toBe(rule146Until2024);
    expect(ruleIn(2025, '146')).toBe(rule146Until2025);
    expect(ruleIn(2026, '146')).toBe(rule146);
    expect(ruleIn(2024, '101')).toBe(rule101Until2024);
    expect(ruleIn(2025, '101')).toBe(rule101);
  });

  it('makes the code lists year-aware: SEX 1 is valid in 2023/24 and invalid from 2024/25', () => {
    const child = childWith('C1', { Header: [header({ SEX: '1' })] });
    const sexFindings = (year: number) => flagged(ruleIn(year, '101') as Rule, child, contextFor(year));
    expect(sexFindings(2024)).toEqual([]);
    expect(sexFindings(2025)).toEqual(['Header:2:SEX']);
  });

  it('makes PLACE year-aware: H5 valid until 2023/24, K3 from 2024/25, Z11 from 2025/26', () => {
    const child = childWith('C1', {
      Episodes: [episode({ PLACE: 'H5' }), episode({ PLACE: 'K3' }), episode({ PLACE: 'Z11' })],
    });
    const placeFindings = (year: number) => flagged(ruleIn(year, '146') as Rule, child, contextFor(year));
    expect(placeFindings(2024)).toEqual(['Episodes:3:PLACE', 'Episodes:4:PLACE']);
    expect(placeFindings(2025)).toEqual(['Episodes:2:PLACE', 'Episodes:4:PLACE']);
    expect(placeFindings(2026)).toEqual(['Episodes:2:PLACE']);
  });

  it('falls back to the first known set for earlier years and the newest set for later ones', () => {
    expect(rulesFor(2018)).toBe(rulesFor(2023));
    expect(rulesFor(1990)).toBe(rulesFor(2023));
    expect(rulesFor(2031)).toBe(rulesFor(2027));
  });

  it('assembles previous + changes without altering the previous year', () => {
    const sets = assembleRegistry(
      2023,
      [rule146Until2024, rule101Until2024],
      [{ year: 2025, replaced: [rule146Until2025] }],
    );
    expect([...sets.keys()]).toEqual([2023, 2025]);
    expect(sets.get(2023)).toEqual([rule146Until2024, rule101Until2024]);
    expect(sets.get(2025)).toEqual([rule146Until2025, rule101Until2024]);
  });

  it('refuses changes that do not fit the previous set', () => {
    expect(() => applyYearChange([rule146], { year: 2030, removed: ['999'] })).toThrow(/cannot remove 999/);
    expect(() => applyYearChange([rule146], { year: 2030, added: [rule146Until2025] })).toThrow(
      /cannot add 146/,
    );
    expect(() => applyYearChange([rule146], { year: 2030, replaced: [rule101] })).toThrow(
      /cannot replace 101/,
    );
    expect(() => assembleRegistry(2023, [rule146, rule146Until2024], [])).toThrow(/twice/);
    expect(() => assembleRegistry(2023, [], [{ year: 2023 }])).toThrow(/must follow/);
  });
});

describe('registry against the 2026/27 DfE catalogue', () => {
  const catalogue = readCatalogue();

  it('implements only codes that the catalogue lists', () => {
    const unknown = codesIn(2027).filter((code) => !catalogue.has(code));
    expect(unknown).toEqual([]);
  });

  it("changes each rule last in the catalogue's 'last defined' year", () => {
    const lastChange = new Map<string, number>([
      ...BASE_RULES.map((rule) => [rule.code, FIRST_YEAR] as const),
    ]);
    for (const change of YEAR_CHANGES) {
      for (const rule of [...(change.added ?? []), ...(change.replaced ?? [])])
        lastChange.set(rule.code, change.year);
    }
    const mismatches = codesIn(2027)
      .filter((code) => lastChange.get(code) !== catalogue.get(code)?.lastDefined)
      .map(
        (code) => `${code}: registry ${lastChange.get(code)}, catalogue ${catalogue.get(code)?.lastDefined}`,
      );
    expect(mismatches).toEqual([]);
  });

  it('has more than 60 rules for 2026/27', () => {
    expect(rulesFor(2027).length).toBeGreaterThan(60);
  });
});
