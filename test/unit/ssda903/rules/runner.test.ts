// The rule runner against the plain way of running rules: each rule's check in turn, its findings on a blank
// the field checks already reported left out, a rule that throws told once per child and its findings dropped
// (a row rule, an episode-pair rule or any other).
import { describe, expect, it } from 'vitest';
import type {
  ChildRecord,
  Finding,
  Row,
  Rule,
  RuleContext,
} from '../../../../shared/domain/ssda903/model.ts';
import { codeSet } from '../../../../shared/domain/ssda903/rules/code-sets.ts';
import {
  codeListRule,
  episodePairRule,
  rowRule,
  validDateRule,
  whenSomeEpisode,
} from '../../../../shared/domain/ssda903/rules/factories.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { createRuleRunner } from '../../../../shared/domain/ssda903/rules/runner.ts';
import { childWith, contextFor, episode, header } from './helpers.ts';
import { readSampleReturn } from './sample-return.ts';

type Outcome = { findings: Finding[]; failures: string[] };

function oneByOne(
  rules: readonly Rule[],
  children: readonly ChildRecord[],
  context: RuleContext,
  blanks: ReadonlySet<string>,
): Outcome {
  const outcome: Outcome = { findings: [], failures: [] };
  for (const child of children) {
    for (const rule of rules) {
      try {
        for (const found of rule.check(child, context)) {
          if (found.value === '' && blanks.has(`${found.table}.${found.field}`)) continue;
          outcome.findings.push(found);
        }
      } catch {
        outcome.failures.push(`${rule.code} ${child.child}`);
      }
    }
  }
  return outcome;
}

function byRunner(
  rules: readonly Rule[],
  children: readonly ChildRecord[],
  context: RuleContext,
  blanks: ReadonlySet<string>,
): Outcome {
  const outcome: Outcome = { findings: [], failures: [] };
  const run = createRuleRunner(rules, context, blanks);
  for (const child of children) {
    run(
      child,
      (found) => outcome.findings.push(found),
      (code, reference) => outcome.failures.push(`${code} ${reference}`),
    );
  }
  return outcome;
}

/** A row rule that throws on a Z1 placement and otherwise fails the rows `fails` names. */
function ruleThrowingOnZ(fails: (row: Row) => boolean): Rule {
  return rowRule({
    code: 'T1',
    description: 'throws on a Z placement',
    table: 'Episodes',
    fields: ['PLACE'],
    flagField: 'PLACE',
    fails: (row) => {
      if (row.values.PLACE === 'Z1') throw new Error('not handled');
      return fails(row);
    },
  });
}

/** A deterministic shuffle of the sample's values within each column, so that many rules find something. */
function scrambled(children: readonly ChildRecord[]): ChildRecord[] {
  let state = 7;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const oddValues = ['', 'XX', '31/02/2025', '2025-04-01', '01/04/2025', 'T0', 'E2', 'V3', 'P', 'X1'];
  return children.map((child) => {
    const rows: Partial<Record<keyof ChildRecord['rows'], Row[]>> = {};
    for (const [table, list] of Object.entries(child.rows) as [keyof ChildRecord['rows'], readonly Row[]][]) {
      rows[table] = list.map((row) => {
        const values: Record<string, string> = { ...row.values };
        for (const field of Object.keys(values)) {
          if (field !== 'CHILD' && next() < 0.15)
            values[field] = oddValues[Math.floor(next() * oddValues.length)]!;
        }
        return { ...row, values };
      });
    }
    return { child: child.child, rows };
  });
}

describe('running the rules on each child', () => {
  const sample = readSampleReturn();
  const blanks = new Set(['Episodes.DECOM', 'Header.SEX', 'Episodes.PLACE']);

  it('finds what each rule finds alone, in the same order, on the sample return and a scrambled one', {
    timeout: 60_000,
  }, () => {
    for (const year of [2025, 2027]) {
      const context = contextFor(year, [...sample.tables]);
      const rules = rulesFor(year).filter((rule) => !rule.previousTables);
      for (const children of [sample.children, scrambled(sample.children)]) {
        const expected = oneByOne(rules, children, context, blanks);
        expect(expected.findings.length).toBeGreaterThan(1000);
        expect(byRunner(rules, children, context, blanks)).toEqual(expected);
      }
    }
  });

  it('drops the findings of a rule that throws for a child, tells it once, and runs the others', () => {
    const throwsOnZ = ruleThrowingOnZ((row) => row.values.LS === 'C2');
    const custom: Rule = {
      code: 'T2',
      description: 'throws for child B',
      tables: ['Header'],
      fields: ['SEX'],
      check: (child) => {
        if (child.child === 'B') throw new Error('not handled');
        return [];
      },
    };
    const codes = codeListRule({
      code: 'T3',
      description: 'legal status',
      table: 'Episodes',
      field: 'LS',
      codes: ['C1'],
      required: true,
    });
    const dates = validDateRule({
      code: 'T4',
      description: 'a date',
      table: 'Episodes',
      field: 'DEC',
      required: false,
    });
    const moves = episodePairRule({
      code: 'T5',
      description: 'throws on a ceased date that is not one',
      fields: ['PLACE', 'DEC'],
      flags: 'next',
      flagField: 'PLACE',
      fails: (previous, next) => {
        if (next.row.values.DEC === 'soon') throw new Error('not handled');
        return (previous.row.values.PLACE ?? '') !== (next.row.values.PLACE ?? '');
      },
    });
    const children = [
      childWith('A', {
        Header: [header()],
        Episodes: [episode(), episode({ PLACE: 'Z1', DEC: '31/02/2025' })],
      }),
      childWith('B', { Header: [header()], Episodes: [episode({ LS: '' }), episode({ DEC: 'soon' })] }),
    ];
    const rules = [throwsOnZ, custom, codes, moves, dates];
    const context = contextFor();
    const expected = oneByOne(rules, children, context, new Set(['Episodes.LS']));
    expect(expected.failures).toEqual(['T1 A', 'T2 B', 'T5 B']);
    expect(expected.findings.map((found) => `${found.code} ${found.child} ${found.rowNumber}`)).toEqual([
      'T3 A 2',
      'T3 A 3',
      'T5 A 3',
      'T4 A 3',
      'T1 B 3',
      'T3 B 3',
      'T4 B 3',
    ]);
    expect(byRunner(rules, children, context, new Set(['Episodes.LS']))).toEqual(expected);
  });

  it('calls a rule gated on some episode only for a child with one of its codes, unless the walk was given up', () => {
    const called: string[] = [];
    const temporary = codeSet('PLACE', ['T0', 'T1']);
    const gated = whenSomeEpisode(temporary, {
      code: 'G1',
      description: 'flags every episode of a child with a temporary placement',
      tables: ['Episodes'],
      fields: ['PLACE'],
      check: (child) => {
        called.push(child.child);
        return (child.rows.Episodes ?? []).map((row) => ({
          code: 'G1',
          table: row.table,
          rowNumber: row.rowNumber,
          field: 'PLACE',
          value: row.values.PLACE ?? '',
          child: child.child,
        }));
      },
    });
    const throwsOnZ = ruleThrowingOnZ(() => false);
    const children = [
      childWith('A', { Header: [header()], Episodes: [episode({ PLACE: 'U1' }), episode({ PLACE: 'T1' })] }),
      childWith('B', { Header: [header()], Episodes: [episode({ PLACE: 'U1' })] }),
      childWith('C', { Header: [header()] }),
      // The walk of C's episodes is given up: the gated rule then looks for itself, and finds nothing.
      childWith('D', { Header: [header()], Episodes: [episode({ PLACE: 'Z1' })] }),
      childWith('E', { Header: [header()], Episodes: [episode({ PLACE: 'Z1' }), episode({ PLACE: 'T0' })] }),
    ];
    const rules = [throwsOnZ, gated];
    const context = contextFor();
    const expected = oneByOne(rules, children, context, new Set());
    expect(called).toEqual(['A', 'E']);
    expect(expected.findings.map((found) => `${found.child} ${found.rowNumber}`)).toEqual([
      'A 2',
      'A 3',
      'E 2',
      'E 3',
    ]);
    called.length = 0;
    expect(byRunner(rules, children, context, new Set())).toEqual(expected);
    expect(called).toEqual(['A', 'E']);
    // Without a rule that walks the episodes, the runner walks them for the gate alone.
    called.length = 0;
    expect(byRunner([gated], children, context, new Set()).findings).toEqual(expected.findings);
    expect(called).toEqual(['A', 'E']);
  });
});
