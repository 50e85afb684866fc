// Domain: running a year's rules on one child at a time, as the engine does once a return has been read.
//
// Most rules look at one row at a time (rowRule in factories.ts), or at each episode and the one before it
// (episodePairRule). Their rows are walked here rather than by each rule's own check, once per table for all of
// its row rules and once for all the pair rules, each rule flagging rows into a list of its own that is handed
// on in its place among the other rules' findings. A code list or a real date (codeListRule, validDateRule)
// is judged from its judgement (failsJudgement, written out), without a call to its `fails` closure. A rule that
// can find something only in a child with some episode holding one of its codes (whenSomeEpisode) is called only
// for such a child, known from the codes looked up in the walk of the Episodes. The loop is
// written out once per return for its rules (createRuleRunner), so that each rule is called from a place of its
// own and each judged field is read by its name. Findings come out as running each rule's check in turn gives
// them: rule by rule, row by row (test/unit/ssda903/rules/runner.test.ts holds the two side by side).
import type { FindingSink } from '../field-checks.ts';
import type { ChildRecord, Finding, Row, Rule, RuleContext, TableName } from '../model.ts';
import type { CodeGroup } from './code-sets.ts';
import {
  type EpisodeGate,
  type EpisodePairSpec,
  episodeGateOf,
  episodePairSpecOf,
  type RowRuleSpec,
  rowRuleSpecOf,
  type ValueJudgement,
} from './factories.ts';
import { dayOf, daysOf, episodesInOrder, finding, val } from './support.ts';

/** Told once per child and rule when the rule could not be completed for that child. */
export type RuleFailed = (code: string, child: string) => void;

/** Runs every rule on one child, handing each finding to the sink in rule order. */
export type RuleRunner = (child: ChildRecord, sink: FindingSink, failed: RuleFailed) => void;

/** Names the generated runner writes as they are: the schema's table and column names are all of this form. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * failsJudgement (factories.ts) written out for one row rule: flags `row` when the value of its field (read once
 * per row as `value_FIELD`) fails. A date is the row's own, parsed once (row-days.ts, `days`); parsed here only
 * for a field the row has no day of.
 */
function judgedLine(spec: RowRuleSpec, judged: ValueJudgement, index: number, lists: string): string {
  const value = `value_${spec.flagField}`;
  const judgement =
    judged.allowed === 'date'
      ? `((day = days.${spec.flagField}) !== undefined ? day : dayOf(${value})) === null`
      : `(${lists} & ${judged.allowed.bit}) === 0`;
  return `if (${value} === '' ? ${judged.required} : ${judgement}) flagged_${index}[count_${index}++] = row;`;
}

/** What a flagged row's finding is made from: the rule's code and the field it points at. */
interface FlagSpec {
  readonly code: string;
  readonly flagField: string;
}

/** What the generated runner is given: the rules, their specs and judgements, and the helpers it calls. */
interface RunnerParts {
  readonly rules: readonly Rule[];
  readonly specs: readonly (RowRuleSpec | undefined)[];
  readonly pairSpecs: readonly (EpisodePairSpec | undefined)[];
  readonly episodeGates: readonly (EpisodeGate | undefined)[];
  readonly context: RuleContext;
  readonly hand: (found: Finding[], sink: FindingSink) => void;
  readonly flush: (
    spec: FlagSpec,
    dropsBlank: boolean,
    flagged: readonly Row[],
    count: number,
    child: ChildRecord,
    sink: FindingSink,
  ) => void;
  /** Each fused rule's flagged rows for the child in hand (reused from child to child), by rule index. */
  readonly flagged: Row[][];
  readonly dayOf: typeof dayOf;
  readonly daysOf: typeof daysOf;
  readonly episodesInOrder: typeof episodesInOrder;
  readonly groups: readonly CodeGroup[];
}

/**
 * The runner for one return. `blanksReported` holds the fields ("Table.FIELD") whose blanks the field checks
 * have already reported: a rule's finding on such a blank is left out (one problem, one finding).
 *
 * The runner is written out as one function for the return's rules, each rule at a call site of its own and
 * each field read by its name: a shared loop calling a hundred different `fails` functions, or reading a
 * field by a name held in a variable, goes through V8's generic paths at every row.
 *
 * Rules are fused into walks: the rows of each table are walked once for all its row rules (each row's
 * values, dates and judged fields read once), and the child's ordered episodes once for all the episode-pair
 * rules. Each rule flags rows into a list of its own; the lists are then handed on in rule order, between the
 * findings of the other rules, so the order is as if each rule had run alone. When a rule throws during a walk
 * (a value no rule foresaw, which is rare) the walk is given up for that child and each of its rules runs its
 * own check in its place in the order, as it would alone.
 */
export function createRuleRunner(
  rules: readonly Rule[],
  context: RuleContext,
  blanksReported: ReadonlySet<string>,
): RuleRunner {
  const specs = rules.map((rule) => rowRuleSpecOf(rule));
  const pairSpecs = rules.map((rule) => episodePairSpecOf(rule));
  const episodeGates = rules.map((rule) => episodeGateOf(rule));
  const tables: TableName[] = [];
  for (const spec of specs) if (spec && !tables.includes(spec.table)) tables.push(spec.table);
  // A rule gated on some episode's codes (whenSomeEpisode) learns them from the walk of the Episodes.
  if (episodeGates.some((gate) => gate !== undefined) && !tables.includes('Episodes'))
    tables.push('Episodes');
  // What each rule needs is taken out of `parts` once, before the first child.
  const prelude: string[] = ['const { context, dayOf, daysOf, episodesInOrder, hand, flush } = parts;'];
  const lines: string[] = [];
  // The code-set groups the runner looks rows' values up in (gates and judged code lists).
  const groups: CodeGroup[] = [];
  const counts: string[] = [];
  rules.forEach((_rule, index) => {
    prelude.push(`const rule_${index} = parts.rules[${index}];`);
    if (episodeGates[index] !== undefined)
      prelude.push(`const gated_${index} = parts.episodeGates[${index}].rule;`);
    const spec = specs[index];
    const pairSpec = pairSpecs[index];
    if (spec === undefined && pairSpec === undefined) return;
    prelude.push(`const flagged_${index} = parts.flagged[${index}];`);
    counts.push(`count_${index} = 0`);
    if (pairSpec !== undefined) {
      prelude.push(
        `const spec_${index} = parts.pairSpecs[${index}]; const fails_${index} = spec_${index}.fails;`,
      );
      return;
    }
    prelude.push(`const spec_${index} = parts.specs[${index}];`);
    if (spec!.judged === undefined) prelude.push(`const fails_${index} = spec_${index}.fails;`);
  });
  if (counts.length > 0) lines.push(`let ${counts.join(', ')};`);
  // Which walk each fused rule belongs to, by rule index: its table, or the episode pairs.
  const walkOf = new Map<number, string>();
  // For each gated rule, by rule index: the variable that gathers the lists its child's episodes hold.
  const someOf = new Map<number, string>();
  // One pass over each table's rows for all of its row rules.
  for (const table of tables) {
    if (!PLAIN_NAME.test(table)) throw new Error(`Unexpected table name ${table}`);
    const rows = `rows_${table}`;
    const onTable = specs.flatMap((spec, index) => (spec?.table === table ? [{ spec, index }] : []));
    const judgedFields = [...new Set(onTable.flatMap(({ spec }) => (spec.judged ? [spec.flagField] : [])))];
    const judgesDates = onTable.some(({ spec }) => spec.judged?.allowed === 'date');
    // The code-set groups that gate some rules (RowRuleSpec.when): each row's value looked up once per group.
    // A code list judged by the runner is looked up the same way.
    const gates: CodeGroup[] = [];
    for (const { spec } of onTable) {
      const judgedCodes = spec.judged && spec.judged.allowed !== 'date' ? spec.judged.allowed : undefined;
      for (const set of [spec.when, judgedCodes])
        if (set && !gates.includes(set.group)) gates.push(set.group);
    }
    // The lists each gated rule's field holds in some episode, gathered as the rows are looked up.
    const gathered: number[] = [];
    if (table === 'Episodes') {
      episodeGates.forEach((gate, index) => {
        if (gate === undefined) return;
        if (!gates.includes(gate.codes.group)) gates.push(gate.codes.group);
        const at = gates.indexOf(gate.codes.group);
        if (!gathered.includes(at)) gathered.push(at);
        someOf.set(index, `(some_${at} & ${gate.codes.bit}) !== 0`);
      });
      for (const at of gathered) lines.push(`let some_${at} = 0;`);
    }
    lines.push(
      `let walked_${table} = true;`,
      `const ${rows} = child.rows.${table};`,
      `if (${rows} !== undefined) try { for (let at = 0; at < ${rows}.length; at++) {`,
      `const row = ${rows}[at];`,
    );
    if (judgedFields.length > 0 || gates.length > 0) lines.push('const values = row.values;');
    // Each field looked up or judged is read once per row, as `value_FIELD`.
    const readFields = [...new Set([...gates.map((group) => group.field), ...judgedFields])];
    for (const field of readFields) {
      if (!PLAIN_NAME.test(field)) throw new Error(`Unexpected field name ${field}`);
      lines.push(`const value_${field} = values.${field} ?? '';`);
    }
    gates.forEach((group, at) => {
      const name = `group_${table}_${at}`;
      const value = `value_${group.field}`;
      prelude.push(`const ${name} = parts.groups[${groups.length}];`);
      groups.push(group);
      // CodeGroup.listsHolding, written out: a call per group and row is not inlined in a function this size.
      lines.push(
        `const lists_${at} = ${value} === ${name}.lastValue ? ${name}.lastLists : ${name}.lookUp(${value});`,
      );
      if (gathered.includes(at)) lines.push(`some_${at} |= lists_${at};`);
    });
    if (judgesDates) lines.push('const days = daysOf(row);');
    for (const { spec, index } of onTable) {
      walkOf.set(index, `walked_${table}`);
      const gate = spec.when ? `(lists_${gates.indexOf(spec.when.group)} & ${spec.when.bit}) !== 0 && ` : '';
      lines.push(
        spec.judged === undefined
          ? `if (${gate}fails_${index}(row, child, context)) flagged_${index}[count_${index}++] = row;`
          : judgedLine(
              spec,
              spec.judged,
              index,
              spec.judged.allowed === 'date' ? '' : `lists_${gates.indexOf(spec.judged.allowed.group)}`,
            ),
      );
    }
    lines.push(`} } catch { walked_${table} = false; }`);
  }
  // One pass over the child's episodes in order for all the episode-pair rules.
  if (pairSpecs.some((spec) => spec !== undefined)) {
    lines.push(
      'let walked_pairs = true;',
      'try { const episodes = episodesInOrder(child); for (let at = 1; at < episodes.length; at++) {',
      'const previous = episodes[at - 1]; const next = episodes[at];',
    );
    pairSpecs.forEach((spec, index) => {
      if (spec === undefined) return;
      walkOf.set(index, 'walked_pairs');
      lines.push(
        `if (fails_${index}(previous, next)) flagged_${index}[count_${index}++] = ${spec.flags}.row;`,
      );
    });
    lines.push('} } catch { walked_pairs = false; }');
  }
  // Then every rule in order: a fused rule's flagged rows (or its own check, when its walk was given up),
  // another rule's own check.
  const ownCheck = (index: number, rule = `rule_${index}`) => [
    `try { found = ${rule}.check(child, context); } catch { failed(rule_${index}.code, child.child); found = null; }`,
    'if (found !== null && found.length > 0) hand(found, sink);',
  ];
  lines.push('let found;');
  rules.forEach((_rule, index) => {
    const gated = someOf.get(index);
    if (gated !== undefined) {
      // Called only for a child whose episodes hold one of its codes; when the walk was given up, the gated check
      // looks for itself.
      lines.push(
        `if (walked_Episodes) { if (${gated}) {`,
        ...ownCheck(index, `gated_${index}`),
        '} } else {',
        ...ownCheck(index),
        '}',
      );
      return;
    }
    const walked = walkOf.get(index);
    if (walked === undefined) {
      lines.push(...ownCheck(index));
      return;
    }
    const spec: FlagSpec & { table: TableName } = specs[index] ?? { ...pairSpecs[index]!, table: 'Episodes' };
    const dropsBlank = blanksReported.has(`${spec.table}.${spec.flagField}`);
    lines.push(
      `if (${walked}) { if (count_${index} > 0) flush(spec_${index}, ${dropsBlank}, flagged_${index}, count_${index}, child, sink); }`,
      'else {',
      ...ownCheck(index),
      '}',
    );
  });
  const parts: RunnerParts = {
    rules,
    specs,
    pairSpecs,
    episodeGates,
    context,
    flagged: rules.map(() => []),
    dayOf,
    daysOf,
    episodesInOrder,
    groups,
    hand: (found, sink) => {
      for (let at = 0; at < found.length; at++) {
        const one = found[at]!;
        if (one.value === '' && blanksReported.has(`${one.table}.${one.field}`)) continue;
        sink(one);
      }
    },
    flush: (spec, dropsBlank, flagged, count, child, sink) => {
      for (let at = 0; at < count; at++) {
        const row = flagged[at]!;
        if (dropsBlank && val(row, spec.flagField) === '') continue;
        sink(finding(spec.code, child, row, spec.flagField));
      }
    },
  };
  const make = new Function(
    'parts',
    `${prelude.join('\n')}\nreturn (child, sink, failed) => {\nlet day;\n${lines.join('\n')}\n};`,
  );
  return make(parts) as RuleRunner;
}
