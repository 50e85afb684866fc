// Domain: running a year's rules on one child at a time, as the engine does once a return has been read.
//
// Most rules look at one row at a time (rowRule in factories.ts). Their rows are walked here rather than by each
// rule's own check: a call a row instead of a call a rule and child into a loop of its own, which adds up over a
// hundred rules and hundreds of thousands of children. A code list or a real date (codeListRule, validDateRule)
// is judged from its judgement (failsJudgement, written out), without a call to its `fails` closure. The loop is
// written out once per return for its rules (createRuleRunner), so that each rule is called from a place of its
// own and each judged field is read by its name. Findings come out as running each rule's check in turn gives
// them: rule by rule, row by row (test/unit/ssda903/rules/runner.test.ts holds the two side by side).
import type { FindingSink } from '../field-checks.ts';
import type { ChildRecord, Finding, Row, Rule, RuleContext, TableName } from '../model.ts';
import { type RowRuleSpec, rowRuleSpecOf } from './factories.ts';
import { dayOf, daysOf, finding, val } from './support.ts';

/** Told once per child and rule when the rule could not be completed for that child. */
export type RuleFailed = (code: string, child: string) => void;

/** Runs every rule on one child, handing each finding to the sink in rule order. */
export type RuleRunner = (child: ChildRecord, sink: FindingSink, failed: RuleFailed) => void;

/** Names the generated runner writes as they are: the schema's table and column names are all of this form. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What the generated runner is given: the rules, their specs and judgements, and the helpers it calls. */
interface RunnerParts {
  readonly rules: readonly Rule[];
  readonly specs: readonly (RowRuleSpec | undefined)[];
  readonly context: RuleContext;
  readonly hand: (found: Finding[], sink: FindingSink) => void;
  readonly flush: (
    spec: RowRuleSpec,
    dropsBlank: boolean,
    count: number,
    child: ChildRecord,
    sink: FindingSink,
  ) => void;
  readonly flagged: Row[];
  readonly dayOf: typeof dayOf;
  readonly daysOf: typeof daysOf;
}

/**
 * The runner for one return. `blanksReported` holds the fields ("Table.FIELD") whose blanks the field checks
 * have already reported: a rule's finding on such a blank is left out (one problem, one finding).
 *
 * The runner is written out as one function for the return's rules, each rule at a call site of its own and
 * each field read by its name: a shared loop calling a hundred different `fails` functions, or reading a
 * field by a name held in a variable, goes through V8's generic paths at every row.
 */
export function createRuleRunner(
  rules: readonly Rule[],
  context: RuleContext,
  blanksReported: ReadonlySet<string>,
): RuleRunner {
  const specs = rules.map((rule) => rowRuleSpecOf(rule));
  const tables: TableName[] = [];
  for (const spec of specs) if (spec && !tables.includes(spec.table)) tables.push(spec.table);
  // What each rule needs is taken out of `parts` once, before the first child.
  const prelude: string[] = ['const { context, flagged, dayOf, daysOf, hand, flush } = parts;'];
  const lines: string[] = [];
  for (const table of tables) {
    if (!PLAIN_NAME.test(table)) throw new Error(`Unexpected table name ${table}`);
    lines.push(`const rows_${table} = child.rows.${table};`);
  }
  lines.push('let found; let count = 0; let day;');
  specs.forEach((spec, index) => {
    prelude.push(`const rule_${index} = parts.rules[${index}]; const spec_${index} = parts.specs[${index}];`);
    if (spec === undefined) {
      lines.push(
        `try { found = rule_${index}.check(child, context); } catch { failed(rule_${index}.code, child.child); found = null; }`,
        'if (found !== null && found.length > 0) hand(found, sink);',
      );
      return;
    }
    const dropsBlank = blanksReported.has(`${spec.table}.${spec.flagField}`);
    const rows = `rows_${spec.table}`;
    lines.push(`if (${rows} !== undefined) {`, 'count = 0;');
    const judged = spec.judged;
    if (judged !== undefined) {
      if (!PLAIN_NAME.test(spec.flagField)) throw new Error(`Unexpected field name ${spec.flagField}`);
      // failsJudgement (factories.ts) written out for this field.
      // A date is the row's own, parsed once (row-days.ts); parsed here only for a field the row has no day of.
      const judgement =
        judged.allowed === 'date'
          ? `((day = daysOf(row).${spec.flagField}) !== undefined ? day : dayOf(value)) === null`
          : `!allowed_${index}.has(value)`;
      if (judged.allowed !== 'date') prelude.push(`const allowed_${index} = spec_${index}.judged.allowed;`);
      lines.push(
        `for (let at = 0; at < ${rows}.length; at++) {`,
        `const row = ${rows}[at]; const value = row.values.${spec.flagField} ?? '';`,
        `if (value === '' ? ${judged.required} : ${judgement}) flagged[count++] = row;`,
        '}',
      );
    } else {
      prelude.push(`const fails_${index} = spec_${index}.fails;`);
      lines.push(
        `try { for (let at = 0; at < ${rows}.length; at++) if (fails_${index}(${rows}[at], child, context)) flagged[count++] = ${rows}[at]; }`,
        `catch { failed(rule_${index}.code, child.child); count = 0; }`,
      );
    }
    lines.push(`if (count > 0) flush(spec_${index}, ${dropsBlank}, count, child, sink);`, '}');
  });
  const parts: RunnerParts = {
    rules,
    specs,
    context,
    flagged: [],
    dayOf,
    daysOf,
    hand: (found, sink) => {
      for (let at = 0; at < found.length; at++) {
        const one = found[at]!;
        if (one.value === '' && blanksReported.has(`${one.table}.${one.field}`)) continue;
        sink(one);
      }
    },
    flush: (spec, dropsBlank, count, child, sink) => {
      for (let at = 0; at < count; at++) {
        const row = parts.flagged[at]!;
        if (dropsBlank && val(row, spec.flagField) === '') continue;
        sink(finding(spec.code, child, row, spec.flagField));
      }
    },
  };
  const make = new Function(
    'parts',
    `${prelude.join('\n')}\nreturn (child, sink, failed) => {\n${lines.join('\n')}\n};`,
  );
  return make(parts) as RuleRunner;
}
