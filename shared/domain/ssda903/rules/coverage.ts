// Domain: which DfE SSDA903 rule codes are implemented, from which collection year, and in which years a new
// version took effect — derived from the registry so documentation cannot drift from what runs.
import type { Rule, TableName } from '../model.ts';
import { KNOWN_YEARS, rulesFor } from './registry.ts';

export interface RuleCoverage {
  readonly code: string;
  /** The description of the newest version. */
  readonly description: string;
  readonly tables: readonly TableName[];
  readonly fields: readonly string[];
  /** First collection year the rule is in force (the first known year for rules older than our history). */
  readonly firstYear: number;
  /** Last collection year in force, or null when it is in force in the newest rule set. */
  readonly lastYear: number | null;
  /** Collection years in which a version of the rule took effect (the first is `firstYear`). */
  readonly versionYears: readonly number[];
}

function naturalCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

function buildCoverage(): RuleCoverage[] {
  const entries = new Map<string, { rule: Rule; first: number; last: number; versions: number[] }>();
  let previous = new Map<string, Rule>();
  for (const year of KNOWN_YEARS) {
    const current = new Map(rulesFor(year).map((rule) => [rule.code, rule]));
    for (const [code, rule] of current) {
      const entry = entries.get(code);
      if (!entry) entries.set(code, { rule, first: year, last: year, versions: [year] });
      else {
        if (previous.get(code) !== rule) entry.versions.push(year);
        entry.rule = rule;
        entry.last = year;
      }
    }
    previous = current;
  }
  const newest = KNOWN_YEARS[KNOWN_YEARS.length - 1];
  return [...entries.entries()]
    .sort(([a], [b]) => naturalCode(a, b))
    .map(([code, entry]) => ({
      code,
      description: entry.rule.description,
      tables: entry.rule.tables,
      fields: entry.rule.fields,
      firstYear: entry.first,
      lastYear: entry.last === newest ? null : entry.last,
      versionYears: entry.versions,
    }));
}

/** Every implemented rule code with its years; render beside the DfE catalogue to show what is covered. */
export const RULE_CATALOGUE_COVERAGE: readonly RuleCoverage[] = buildCoverage();
