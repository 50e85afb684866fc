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
    for (const year of KNOWN_YEARS) {
      const duplicates = codesIn(year).filter((code, index, codes) => codes.indexOf(code) !== index);
      expect(duplicates, `${year}`).toEqual([]);
    }
  });

  it('leaves every rule removed in a year out of that year and the years after', () => {
    const removals = YEAR_CHANGES.flatMap((change) =>
      (change.removed ?? []).map((code) => ({ code, year: change.year })),
    );
    expect(removals.length).toBeGreaterThan(0);
    for (const { code, year } of removals) {
      expect(codesIn(year - 1), `${code} before ${year}`).toContain(code);
      const readdedIn = YEAR_CHANGES.find(
        (change) => change.year > year && (change.added ?? []).some((rule) => rule.code === code),
      )?.year;
      for (const later of KNOWN_YEARS.filter((known) => known >= year && known < (readdedIn ?? Infinity))) {
        expect(codesIn(later), `${code} in ${later}`).not.toContain(code);
      }
    }
  });

  it('has at least 60 rules for 2025/26 and for 2026/27', () => {
    expect(rulesFor(2026).length).toBeGreaterThanOrEqual(60);
    expect(rulesFor(2027).length).toBeGreaterThanOrEqual(60);
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

  it('describes every rule in its own words, not the catalogue message', () => {
    const copied = everyRule()
      .filter((rule) => comparable(rule.description) === comparable(catalogue.get(rule.code)?.message ?? ''))
      .map((rule) => rule.code);
    expect(copied).toEqual([]);
  });
});

/** Every version of every rule in any year's set. */
function everyRule(): Rule[] {
  return [...new Set(KNOWN_YEARS.flatMap((year) => rulesFor(year)))];
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Column names a data officer would not read as words. UPN, URN and UASC (an unaccompanied asylum-seeking child)
 * are everyday terms; CHILD is also a reason code.
 */
const CRYPTIC_COLUMNS = [...new Set(everyRule().flatMap((rule) => rule.fields))].filter(
  (field) => !['UPN', 'URN', 'UASC', 'CHILD'].includes(field),
);

describe('rule descriptions are plain English for a council data officer', () => {
  const problems = (description: string): string[] => {
    const found: string[] = [];
    if (!/^[A-Z]/.test(description)) found.push('does not start with a capital letter');
    if (!/[^.]\.$/.test(description)) found.push('does not end with one full stop');
    if (description.length < 25 || description.length > 200)
      found.push(`is ${description.length} characters long`);
    if (/\s{2}|^\s|\s$/.test(description)) found.push('has stray spaces');
    if (/[_{}[\]<>=|\\`$#]|&&|!=/.test(description)) found.push('has programming symbols');
    if (/\b(null|undefined|NaN|true|false|TODO|FIXME|isna|notna|dataframe|df)\b/i.test(description))
      found.push('has programming words');
    for (const column of CRYPTIC_COLUMNS) {
      if (new RegExp(`\\b${column}\\b`).test(description)) found.push(`names the column ${column}`);
    }
    return found;
  };

  it('flags the kinds of description it is meant to catch', () => {
    expect(problems('Date of birth is missing.')).toEqual([]);
    expect(problems('DECOM > DEC for episodes where REC == null')).toEqual(
      expect.arrayContaining([
        'does not end with one full stop',
        'has programming symbols',
        'has programming words',
        'names the column DECOM',
        'names the column DEC',
        'names the column REC',
      ]),
    );
  });

  it('holds for every version of every rule', () => {
    const failing = everyRule()
      .map((rule) => ({ code: rule.code, problems: problems(rule.description) }))
      .filter((entry) => entry.problems.length > 0);
    expect(failing).toEqual([]);
  });
});
