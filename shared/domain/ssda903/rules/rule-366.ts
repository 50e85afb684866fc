// Domain: SSDA903 rule 366 — no change of placement during a short break. Catalogue fields: RNE (Episodes).
// A short-break episode (V3) is a break of its own, so it can only begin as a new start (S).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const SINGLE_SHORT_BREAK = codeSet('LS', ['V3']);
export const rule366: Rule = rowRule({
  code: '366',
  description:
    'A short break (legal status V3) must be recorded as a new start: a child cannot change placement during one.',
  table: 'Episodes',
  fields: ['LS', 'RNE'],
  flagField: 'RNE',
  when: SINGLE_SHORT_BREAK,
  fails: (row) => (row.values.LS ?? '') === 'V3' && (row.values.RNE ?? '') !== 'S',
});
