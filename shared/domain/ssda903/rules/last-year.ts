// Domain: the recurring shapes of the rules that compare a child's record with last year's return (DfE's
// "_last" tables): a Header field that should not change, the episode still open at the end of last year
// carried into this year, UASC status in each year, and the latest decision to place for adoption.
import type { Day } from '../../dates.ts';
import type { ChildRecord, Finding, Row, Rule, RuleContext } from '../model.ts';
import {
  collectionPeriod,
  daysOf,
  type Episode,
  episodesInOrder,
  finding,
  headerRow,
  previousRecordOf,
  rowsOf,
  sortedByDate,
  val,
} from './support.ts';

/** The child's Header row last year, when last year's return holds the child. */
export function lastYearHeader(child: ChildRecord, context: RuleContext): Row | undefined {
  const previous = previousRecordOf(child, context);
  return previous ? headerRow(previous) : undefined;
}

/**
 * A Header field that should read the same as last year for the same child: flags this year's value when both
 * years give one and `same` says they differ. Children new this year, or blank in either year, are not judged.
 */
export function unchangedHeaderRule(spec: {
  code: string;
  description: string;
  field: string;
  same?: (now: string, last: string) => boolean;
}): Rule {
  const same = spec.same ?? ((now: string, last: string) => now === last);
  return {
    code: spec.code,
    description: spec.description,
    tables: ['Header'],
    previousTables: ['Header'],
    fields: [spec.field],
    check(child, context) {
      const header = headerRow(child);
      const last = lastYearHeader(child, context);
      if (!header || !last) return [];
      const now = val(header, spec.field);
      const before = val(last, spec.field);
      if (now === '' || before === '' || same(now, before)) return [];
      return [finding(spec.code, child, header, spec.field)];
    },
  };
}

/** The child's episodes last year (valid DECOM, in order). */
export function lastYearEpisodes(child: ChildRecord, context: RuleContext): readonly Episode[] {
  const previous = previousRecordOf(child, context);
  return previous ? episodesInOrder(previous) : [];
}

/**
 * The episode open at the end of last year (last year's latest episode, with DEC blank) and this year's first
 * episode; null when last year ended with no open episode or this year has no episodes.
 */
export function carriedOverEpisode(
  child: ChildRecord,
  context: RuleContext,
): { readonly last: Episode; readonly first: Episode } | null {
  const before = lastYearEpisodes(child, context);
  const last = before[before.length - 1];
  const first = episodesInOrder(child)[0];
  if (!last || !first || (last.row.values.DEC ?? '') !== '') return null;
  return { last, first };
}

/**
 * A field of the episode open at the end of last year must carry into this year's first episode when that
 * episode is the same one (same start date); a different start date is rule 502's finding, not this one.
 * `replacedBy` names codes withdrawn from this year's code list and the codes that may stand in for them.
 */
export function carriedFieldRule(spec: {
  code: string;
  description: string;
  field: string;
  replacedBy?: Readonly<Record<string, readonly string[]>>;
}): Rule {
  return {
    code: spec.code,
    description: spec.description,
    tables: ['Episodes'],
    previousTables: ['Episodes'],
    fields: [spec.field],
    check(child, context) {
      const pair = carriedOverEpisode(child, context);
      if (!pair || pair.first.decom !== pair.last.decom) return [];
      const now = val(pair.first.row, spec.field);
      const before = val(pair.last.row, spec.field);
      if (now === before || spec.replacedBy?.[before]?.includes(now)) return [];
      return [finding(spec.code, child, pair.first.row, spec.field)];
    },
  };
}

/**
 * UASC status in one year's record: the child has a UASC row that gives a sex or a date UASC ceased (the
 * rows hold children who were unaccompanied asylum seekers at some point, as DfE's own tool reads them).
 */
export function uascRows(record: ChildRecord): readonly Row[] {
  return rowsOf(record, 'UASC').filter(
    (row) => (row.values.SEX ?? '') !== '' || (row.values.DUC ?? '') !== '',
  );
}

/** True when the child was UASC at some time in the year: a UASC row with no DUC or a DUC on or after its start. */
export function uascDuring(record: ChildRecord, collectionYear: number): boolean {
  const start = collectionPeriod(collectionYear).start;
  return uascRows(record).some((row) => {
    const duc = daysOf(row).DUC ?? null;
    return (row.values.DUC ?? '') === '' || (duc !== null && duc >= start);
  });
}

/** The first DUC given in a year's UASC rows, as written and as a day. */
export function ducOf(record: ChildRecord): { readonly text: string; readonly day: Day | null } | null {
  const row = uascRows(record).find((candidate) => (candidate.values.DUC ?? '') !== '');
  return row ? { text: row.values.DUC ?? '', day: daysOf(row).DUC ?? null } : null;
}

/** Where a UASC finding points this year: the UASC row when there is one, else the Header row. */
export function uascFinding(code: string, child: ChildRecord, field: string): Finding[] {
  const row = rowsOf(child, 'UASC')[0];
  if (row) return [finding(code, child, row, field)];
  const header = headerRow(child);
  return header ? [finding(code, child, header, 'CHILD')] : [];
}

/** The latest decision to place for adoption in a year's record (latest DATE_PLACED; a row without one last). */
export function latestPlacedDecision(record: ChildRecord): Row | undefined {
  const rows = rowsOf(record, 'PlacedAdoption');
  const dated = sortedByDate(rows, 'DATE_PLACED');
  return dated.length > 0 ? dated[dated.length - 1]!.row : rows[rows.length - 1];
}

/** True when a decision to place for adoption was reversed: it gives a date or a reason it ceased. */
export function decisionCeased(row: Row): boolean {
  return (row.values.DATE_PLACED_CEASED ?? '') !== '' || (row.values.REASON_PLACED_CEASED ?? '') !== '';
}
