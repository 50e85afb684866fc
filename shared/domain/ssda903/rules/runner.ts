// Domain: running a year's rules on one child at a time, as the engine does once a return has been read.
//
// Most rules look at one row at a time (rowRule in factories.ts). Their rows are walked here rather than by each
// rule's own check: a call a row instead of a call a rule and child into a loop of its own, which adds up over a
// hundred rules and hundreds of thousands of children. A code list or a real date (codeListRule, validDateRule)
// is judged from its judgement (failsJudgement, written out), without a call to its `fails` closure. Findings
// come out as running each rule's check in turn gives them: rule by rule, row by row
// (test/unit/ssda903/rules/runner.test.ts holds the two side by side).
import type { FindingSink } from '../field-checks.ts';
import type { ChildRecord, Finding, Row, Rule, RuleContext, TableName } from '../model.ts';
import { type RowRuleSpec, rowRuleSpecOf } from './factories.ts';
import { dayOf, finding, val } from './support.ts';

/** Told once per child and rule when the rule could not be completed for that child. */
export type RuleFailed = (code: string, child: string) => void;

/** Runs every rule on one child, handing each finding to the sink in rule order. */
export type RuleRunner = (child: ChildRecord, sink: FindingSink, failed: RuleFailed) => void;

/** A rule as the runner holds it: a row rule by its spec, any other by its check. */
type Step =
  | { readonly rule: Rule; readonly spec: undefined; readonly dropsBlank: false; readonly table: -1 }
  | {
      readonly rule: Rule;
      readonly spec: RowRuleSpec;
      readonly dropsBlank: boolean;
      /** Where the rows of the rule's table are in rowsByTable. */
      readonly table: number;
    };

/**
 * The runner for one return. `blanksReported` holds the fields ("Table.FIELD") whose blanks the field checks
 * have already reported: a rule's finding on such a blank is left out (one problem, one finding).
 */
export function createRuleRunner(
  rules: readonly Rule[],
  context: RuleContext,
  blanksReported: ReadonlySet<string>,
): RuleRunner {
  // The tables row rules read, each looked up once a child rather than once a rule.
  const tables: TableName[] = [];
  const steps: Step[] = rules.map((rule) => {
    const spec = rowRuleSpecOf(rule);
    if (!spec) return { rule, spec: undefined, dropsBlank: false, table: -1 };
    if (!tables.includes(spec.table)) tables.push(spec.table);
    return {
      rule,
      spec,
      dropsBlank: blanksReported.has(`${spec.table}.${spec.flagField}`),
      table: tables.indexOf(spec.table),
    };
  });
  const rowsByTable: (readonly Row[] | undefined)[] = tables.map(() => undefined);
  // The rows a row rule flags for the child at hand; handed out once the rule has seen every row.
  const flagged: Row[] = [];

  return (child, sink, failed) => {
    for (let index = 0; index < tables.length; index++) rowsByTable[index] = child.rows[tables[index]!];
    for (let index = 0; index < steps.length; index++) {
      const { rule, spec, dropsBlank, table } = steps[index]!;
      if (spec === undefined) {
        let found: Finding[];
        try {
          found = rule.check(child, context);
        } catch {
          failed(rule.code, child.child);
          continue;
        }
        for (let at = 0; at < found.length; at++) {
          const one = found[at]!;
          if (one.value === '' && blanksReported.has(`${one.table}.${one.field}`)) continue;
          sink(one);
        }
        continue;
      }
      const rows = rowsByTable[table];
      if (rows === undefined) continue;
      let count = 0;
      const judged = spec.judged;
      if (judged !== undefined) {
        // The commonest row rules (a code list, a real date), judged from their judgement alone.
        // failsJudgement written out: this is the rules' hottest loop, and a call per row measured slower here.
        const { allowed, required } = judged;
        const field = spec.flagField;
        for (let at = 0; at < rows.length; at++) {
          const row = rows[at]!;
          const value = row.values[field] ?? '';
          const fails =
            value === '' ? required : allowed === 'date' ? dayOf(value) === null : !allowed.has(value);
          if (fails) flagged[count++] = row;
        }
      } else {
        try {
          for (let at = 0; at < rows.length; at++) {
            const row = rows[at]!;
            if (spec.fails(row, child, context)) flagged[count++] = row;
          }
        } catch {
          failed(rule.code, child.child);
          continue;
        }
      }
      for (let at = 0; at < count; at++) {
        const row = flagged[at]!;
        if (dropsBlank && val(row, spec.flagField) === '') continue;
        sink(finding(spec.code, child, row, spec.flagField));
      }
    }
  };
}
