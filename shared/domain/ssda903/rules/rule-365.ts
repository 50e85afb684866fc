// Domain: SSDA903 rule 365 — one short break at most 17 days. Catalogue fields: LS DECOM DEC (Episodes). Each
// short-break episode (V3) is one break; an open one runs to 31 March.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

const SINGLE_SHORT_BREAK = codeSet('LS', ['V3']);

export const rule365: Rule = rowRule({
  code: '365',
  description: 'A single short break (legal status V3) lasted more than 17 days.',
  table: 'Episodes',
  fields: ['LS', 'DECOM', 'DEC'],
  flagField: 'DEC',
  when: SINGLE_SHORT_BREAK,
  fails: (row, _child, context) => {
    if ((row.values.LS ?? '') !== 'V3') return false;
    const decom = daysOf(row).DECOM ?? null;
    const end = (row.values.DEC ?? '') === '' ? context.periodEnd : (daysOf(row).DEC ?? null);
    return decom !== null && end !== null && end - decom > 17;
  },
});
