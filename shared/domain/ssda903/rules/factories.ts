// Domain: builders for the recurring shapes of SSDA903 rules (a code list, a valid date, a child missing from
// Header, a per-row condition, a dated interval such as a missing period). Each rule module calls one of these
// or writes its own check.
import type { Day } from '../../dates.ts';
import type { ChildRecord, Finding, Row, Rule, RuleContext, TableName } from '../model.ts';
import { type CodeSet, codeSet } from './code-sets.ts';
import {
  dateIn,
  dayOf,
  daysOf,
  dobFor,
  type Episode,
  episodesInOrder,
  finalCeasedEpisode,
  finding,
  hasReachedAge,
  headerDob,
  headerRow,
  NO_FINDINGS,
  rowsOf,
  sortedByDate,
  tablePresent,
  val,
} from './support.ts';

export interface RowRuleSpec {
  readonly code: string;
  readonly description: string;
  /** The table whose rows are checked and flagged. */
  readonly table: TableName;
  /** All tables the rule reads (defaults to `table`). */
  readonly tables?: readonly TableName[];
  readonly fields: readonly string[];
  /** The field a finding points at. */
  readonly flagField: string;
  readonly fails: (row: Row, child: ChildRecord, context: RuleContext) => boolean;
  /** Set when the rule judges the value of `flagField` alone: the runner then judges it without calling `fails`. */
  readonly judged?: ValueJudgement;
  /**
   * Set when a row can fail only if the value of the code set's field is one of its codes: the runner then calls
   * `fails` only for such rows (most rows are not in scope of most rules). `fails` must still check it itself.
   */
  readonly when?: CodeSet;
}

/** A row rule that judges one field's value on its own: one of a list of codes, or a real date. */
export interface ValueJudgement {
  /** The codes allowed, or 'date' for a real dd/mm/yyyy date. */
  readonly allowed: CodeSet | 'date';
  /** Whether a blank value fails. */
  readonly required: boolean;
}

/** Whether a value fails a judgement: the one definition, used by the rule's own check and by the runner. */
export function failsJudgement(value: string, judgement: ValueJudgement): boolean {
  if (value === '') return judgement.required;
  return judgement.allowed === 'date' ? dayOf(value) === null : !judgement.allowed.has(value);
}

// What each row rule was made from, so that the runner (runner.ts) can walk the rows itself. Keyed by the rule
// itself: a copy of the rule is run through its check.
const rowRuleSpecs = new WeakMap<Rule, RowRuleSpec>();

/** The spec a rule was made from by rowRule, or undefined for any other rule. */
export function rowRuleSpecOf(rule: Rule): RowRuleSpec | undefined {
  return rowRuleSpecs.get(rule);
}

/** A rule that looks at one row at a time and flags `flagField` on each row that fails. */
export function rowRule(spec: RowRuleSpec): Rule {
  const rule: Rule = {
    code: spec.code,
    description: spec.description,
    tables: spec.tables ?? [spec.table],
    fields: spec.fields,
    check(child, context) {
      // A plain loop: every rule runs on every child, so the intermediate arrays of filter/map add up; and
      // most children pass, so an array is made only for a finding.
      let findings: Finding[] | null = null;
      const rows = rowsOf(child, spec.table);
      for (let index = 0; index < rows.length; index++) {
        const row = rows[index]!;
        if (spec.fails(row, child, context)) {
          findings ??= [];
          findings.push(finding(spec.code, child, row, spec.flagField));
        }
      }
      return findings ?? NO_FINDINGS;
    },
  };
  rowRuleSpecs.set(rule, spec);
  return rule;
}

export interface EpisodePairSpec {
  readonly code: string;
  readonly description: string;
  readonly fields: readonly string[];
  /** Which episode of a failing pair is flagged. */
  readonly flags: 'previous' | 'next';
  readonly flagField: string;
  readonly fails: (previous: Episode, next: Episode) => boolean;
}

// What each episode-pair rule was made from, so that the runner can walk the pairs once for all of them.
const episodePairSpecs = new WeakMap<Rule, EpisodePairSpec>();

/** The spec a rule was made from by episodePairRule, or undefined for any other rule. */
export function episodePairSpecOf(rule: Rule): EpisodePairSpec | undefined {
  return episodePairSpecs.get(rule);
}

/**
 * A rule on each episode and the one before it in DECOM order: flags `flagField` on the later episode (`flags:
 * 'next'`) or the earlier one of each pair that fails. A plain loop over the ordered episodes, so no pair or
 * array is made for a child that passes.
 */
export function episodePairRule(spec: EpisodePairSpec): Rule {
  const rule: Rule = {
    code: spec.code,
    description: spec.description,
    tables: ['Episodes'],
    fields: spec.fields,
    check(child) {
      let findings: Finding[] | null = null;
      const episodes = episodesInOrder(child);
      for (let index = 1; index < episodes.length; index++) {
        const previous = episodes[index - 1]!;
        const next = episodes[index]!;
        if (!spec.fails(previous, next)) continue;
        findings ??= [];
        findings.push(
          finding(spec.code, child, (spec.flags === 'next' ? next : previous).row, spec.flagField),
        );
      }
      return findings ?? NO_FINDINGS;
    },
  };
  episodePairSpecs.set(rule, spec);
  return rule;
}

/** A rule that can find something only in a child some of whose episodes hold one of a list's codes. */
export interface EpisodeGate {
  /** The codes (of an Episodes field) a child must have in some episode for the rule to find anything. */
  readonly codes: CodeSet;
  /** The rule's own check, to be called only for such a child. */
  readonly rule: Rule;
}

// The gate of each rule made by whenSomeEpisode, so that the runner can skip the children it cannot find in.
const episodeGates = new WeakMap<Rule, EpisodeGate>();

/** The gate a rule was made with by whenSomeEpisode, or undefined for any other rule. */
export function episodeGateOf(rule: Rule): EpisodeGate | undefined {
  return episodeGates.get(rule);
}

/**
 * `rule`, for only the children some of whose episodes hold one of `codes` (a temporary placement, a short break,
 * an adoption ...): for any other child its check finds nothing at once, without calling the rule's own. Most
 * children have none of such a rule's codes, and the runner, which looks up each episode's codes as it walks them,
 * then does not call the rule at all.
 */
export function whenSomeEpisode(codes: CodeSet, rule: Rule): Rule {
  const gated: Rule = {
    ...rule,
    check(child, context) {
      return codes.inSome(rowsOf(child, 'Episodes')) ? rule.check(child, context) : NO_FINDINGS;
    },
  };
  episodeGates.set(gated, { codes, rule });
  return gated;
}

/** The value of `field` must be one of `codes`; a blank value fails only when the field is required. */
export function codeListRule(spec: {
  code: string;
  description: string;
  table: TableName;
  field: string;
  codes: readonly string[];
  required: boolean;
}): Rule {
  const judged: ValueJudgement = { allowed: codeSet(spec.field, spec.codes), required: spec.required };
  return rowRule({
    code: spec.code,
    description: spec.description,
    table: spec.table,
    fields: [spec.field],
    flagField: spec.field,
    fails: (row) => failsJudgement(val(row, spec.field), judged),
    judged,
  });
}

/** The value of `field` must be a real dd/mm/yyyy date; a blank value fails only when the field is required. */
export function validDateRule(spec: {
  code: string;
  description: string;
  table: TableName;
  field: string;
  required: boolean;
}): Rule {
  const judged: ValueJudgement = { allowed: 'date', required: spec.required };
  return rowRule({
    code: spec.code,
    description: spec.description,
    table: spec.table,
    fields: [spec.field],
    flagField: spec.field,
    fails: (row) => failsJudgement(val(row, spec.field), judged),
    judged,
  });
}

/** Every row of `table` for a child with no Header row (runs only when a Header table was uploaded). */
export function notInHeaderRule(code: string, table: TableName): Rule {
  return {
    code,
    description: `This child has ${table} data but no row in the Header table.`,
    tables: ['Header', table],
    fields: ['CHILD'],
    check(child, context) {
      if (!tablePresent(context, 'Header') || headerRow(child)) return NO_FINDINGS;
      return rowsOf(child, table).map((row) => finding(code, child, row, 'CHILD'));
    },
  };
}

/** DOB on a row of `table` differs from the child's DOB in Header. */
export function dobDiffersFromHeaderRule(code: string, table: TableName): Rule {
  return {
    code,
    description: `The date of birth in ${table} is not the same as the date of birth in Header.`,
    tables: ['Header', table],
    fields: ['DOB'],
    check(child) {
      const header = headerRow(child);
      if (!header) return [];
      const headerText = header.values.DOB ?? '';
      const headerDay = daysOf(header).DOB ?? null;
      return rowsOf(child, table)
        .filter((row) => {
          const day = daysOf(row).DOB ?? null;
          return day !== null && headerDay !== null
            ? day !== headerDay
            : (row.values.DOB ?? '') !== headerText;
        })
        .map((row) => finding(code, child, row, 'DOB'));
    },
  };
}

/** A child may have only one row in `table`: every row after the first is flagged. */
export function onlyOnceRule(code: string, table: TableName): Rule {
  return {
    code,
    description: `This child appears more than once in ${table}; only one row per child is expected.`,
    tables: [table],
    fields: ['CHILD'],
    check(child) {
      const rows = rowsOf(child, table);
      if (rows.length < 2) return NO_FINDINGS;
      return rows.slice(1).map((row) => finding(code, child, row, 'CHILD'));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Dated intervals: Missing (MIS_START/MIS_END) and DoLo (DOLO_START/DOLO_END) follow the same rules.

export interface IntervalTable {
  readonly table: TableName;
  readonly start: string;
  readonly end: string;
  /** e.g. "missing period", "DoLO" — used in descriptions. */
  readonly noun: string;
}

export const MISSING_INTERVAL: IntervalTable = {
  table: 'Missing',
  start: 'MIS_START',
  end: 'MIS_END',
  noun: 'missing or away-from-placement period',
};
export const DOLO_INTERVAL: IntervalTable = {
  table: 'DoLo',
  start: 'DOLO_START',
  end: 'DOLO_END',
  noun: 'deprivation of liberty order (DoLO)',
};

/** The end is before the start. */
export function intervalEndsBeforeStartRule(code: string, t: IntervalTable): Rule {
  return rowRule({
    code,
    description: `The ${t.noun} ends before it starts.`,
    table: t.table,
    fields: [t.start, t.end],
    flagField: t.end,
    fails: (row) => {
      const start = dateIn(row, t.start);
      const end = dateIn(row, t.end);
      return start !== null && end !== null && end < start;
    },
  });
}

/** The start is after the end of the collection year. */
export function intervalStartsAfterYearRule(code: string, t: IntervalTable): Rule {
  return rowRule({
    code,
    description: `The ${t.noun} starts after the end of the collection year.`,
    table: t.table,
    fields: [t.start],
    flagField: t.start,
    fails: (row, _child, context) => {
      const start = dateIn(row, t.start);
      return start !== null && start > context.periodEnd;
    },
  });
}

/** The end is before the start or after the end of the collection year. */
export function intervalEndsOutsideYearRule(code: string, t: IntervalTable): Rule {
  return rowRule({
    code,
    description: `The ${t.noun} ends before the collection year starts or after it ends.`,
    table: t.table,
    fields: [t.end],
    flagField: t.end,
    fails: (row, _child, context) => {
      const end = dateIn(row, t.end);
      return end !== null && (end < context.periodStart || end > context.periodEnd);
    },
  });
}

/** A new interval starts while the previous one is still open, or before it ended. */
export function intervalOverlapRule(code: string, t: IntervalTable): Rule {
  return {
    code,
    description: `A ${t.noun} starts while the previous one is still open or has not yet ended.`,
    tables: [t.table],
    fields: [t.start, t.end],
    check(child) {
      const findings: Finding[] = [];
      const ordered = sortedByDate(rowsOf(child, t.table), t.start);
      for (let i = 1; i < ordered.length; i += 1) {
        const previous = ordered[i - 1] as { row: Row; day: Day };
        const current = ordered[i] as { row: Row; day: Day };
        const previousEnd = dateIn(previous.row, t.end);
        const previousOpen = val(previous.row, t.end) === '';
        if (previousOpen || (previousEnd !== null && current.day < previousEnd)) {
          findings.push(finding(code, child, current.row, t.start));
        }
      }
      return findings;
    },
  };
}

/** The child's care has ended (final episode ceased, not X1) but an interval has no end date. */
export function intervalOpenAfterCareRule(code: string, t: IntervalTable): Rule {
  return {
    code,
    description: `The child has ceased to be looked after but a ${t.noun} has no end date.`,
    tables: [t.table, 'Episodes'],
    fields: [t.end],
    check(child) {
      if (!finalCeasedEpisode(episodesInOrder(child))) return [];
      return rowsOf(child, t.table)
        .filter((row) => val(row, t.end) === '')
        .map((row) => finding(code, child, row, t.end));
    },
  };
}

/** The interval starts before the child was born (row DOB, else Header DOB). */
export function intervalBeforeBirthRule(code: string, t: IntervalTable): Rule {
  return rowRule({
    code,
    description: `The ${t.noun} starts before the child's date of birth.`,
    table: t.table,
    // Header is only a fallback when the row's own DOB is unreadable, so the rule does not require it.
    tables: [t.table],
    fields: [t.start],
    flagField: t.start,
    fails: (row, child) => {
      const start = dateIn(row, t.start);
      const dob = dobFor(child, row);
      return start !== null && dob !== null && start < dob;
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Episodes: age limits and maximum lengths

/** A placement type (or types) the child must have reached `years` to start. */
export function placementMinimumAgeRule(spec: {
  code: string;
  description: string;
  places: readonly string[];
  years: number;
}): Rule {
  const places = codeSet('PLACE', spec.places);
  return rowRule({
    code: spec.code,
    description: spec.description,
    table: 'Episodes',
    tables: ['Episodes', 'Header'],
    fields: ['DECOM', 'PLACE'],
    flagField: 'PLACE',
    when: places,
    fails: (row, child) => {
      // The code is checked first: most rows are not in scope, and the dates are then not needed.
      if (!places.has(row.values.PLACE ?? '')) return false;
      const dob = headerDob(child);
      const decom = daysOf(row).DECOM ?? null;
      return dob !== null && decom !== null && !hasReachedAge(dob, decom, spec.years);
    },
  });
}

/** A reason episode ceased that is only possible at some ages, tested on the child's age on DEC. */
export function ceasedReasonAgeRule(spec: {
  code: string;
  description: string;
  reasons: readonly string[];
  /** True when the age on the ceased date is not allowed for these reasons. */
  wrongAge: (dob: Day, dec: Day) => boolean;
}): Rule {
  const reasons = codeSet('REC', spec.reasons);
  return rowRule({
    code: spec.code,
    description: spec.description,
    table: 'Episodes',
    tables: ['Episodes', 'Header'],
    fields: ['REC', 'DEC'],
    flagField: 'REC',
    when: reasons,
    fails: (row, child) => {
      if (!reasons.has(row.values.REC ?? '')) return false;
      const dob = headerDob(child);
      const dec = daysOf(row).DEC ?? null;
      return dob !== null && dec !== null && spec.wrongAge(dob, dec);
    },
  });
}

/**
 * Consecutive episodes whose `field` (LS or PLACE) is one of `codes` and which follow on without a gap are one
 * spell; a spell longer than `maxDays` is flagged on each of its episodes. An open spell runs to the end of the
 * collection year.
 */
export function maximumSpellRule(spec: {
  code: string;
  description: string;
  field: 'LS' | 'PLACE';
  codes: readonly string[];
  maxDays: number;
}): Rule {
  const codes = codeSet(spec.field, spec.codes);
  // Most children have no episode in scope.
  return whenSomeEpisode(codes, {
    code: spec.code,
    description: spec.description,
    tables: ['Episodes'],
    fields: ['DECOM', spec.field, 'DEC'],
    check(child, context) {
      let findings: Finding[] | null = null;
      const episodes = episodesInOrder(child);
      // A spell is a run of adjacent episodes in DECOM order, so it is held as the index of its first
      // episode (-1 when there is none); it ends at the episode before the current one.
      let first = -1;
      for (let index = 0; index < episodes.length; index++) {
        const episode = episodes[index]!;
        const values = episode.row.values;
        // Read by name (support.ts says why).
        const inScope = codes.has((spec.field === 'LS' ? values.LS : values.PLACE) ?? '');
        const followsOn = first !== -1 && episodes[index - 1]!.dec === episode.decom;
        if (!inScope || !followsOn) {
          if (first !== -1)
            findings = flagLongSpell(spec, child, context, episodes, first, index - 1, findings);
          first = -1;
        }
        if (inScope && first === -1) first = index;
      }
      if (first !== -1)
        findings = flagLongSpell(spec, child, context, episodes, first, episodes.length - 1, findings);
      return findings ?? NO_FINDINGS;
    },
  });
}

/**
 * Flags every episode of the spell episodes[first..last] when it lasts longer than allowed, adding to `findings`
 * (made here for the first one); returns the findings so far.
 */
function flagLongSpell(
  spec: { code: string; field: string; maxDays: number },
  child: ChildRecord,
  context: RuleContext,
  episodes: readonly Episode[],
  first: number,
  last: number,
  findings: Finding[] | null,
): Finding[] | null {
  // An open spell runs to the end of the collection year.
  const end = episodes[last]!.dec ?? context.periodEnd;
  if (end - episodes[first]!.decom <= spec.maxDays) return findings;
  const flagged = findings ?? [];
  for (let index = first; index <= last; index++)
    flagged.push(finding(spec.code, child, episodes[index]!.row, spec.field));
  return flagged;
}

/** A placement provider code that cannot go with some placement types. */
export function providerPlacementRule(spec: {
  code: string;
  description: string;
  provider: string;
  /** Placement types the provider cannot supply. */
  notWith?: readonly string[];
  /** Placement types that are the only ones the provider can supply. */
  onlyWith?: readonly string[];
}): Rule {
  const provider = codeSet('PLACE_PROVIDER', [spec.provider]);
  const onlyWith = spec.onlyWith && codeSet('PLACE', spec.onlyWith);
  const notWith = spec.notWith && codeSet('PLACE', spec.notWith);
  return rowRule({
    code: spec.code,
    description: spec.description,
    table: 'Episodes',
    fields: ['PLACE', 'PLACE_PROVIDER'],
    flagField: 'PLACE_PROVIDER',
    when: provider,
    fails: (row) => {
      if ((row.values.PLACE_PROVIDER ?? '') !== spec.provider) return false;
      const place = row.values.PLACE ?? '';
      if (place === '') return false;
      if (onlyWith && !onlyWith.has(place)) return true;
      return notWith?.has(place) ?? false;
    },
  });
}
