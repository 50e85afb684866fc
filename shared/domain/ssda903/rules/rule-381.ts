// Domain: SSDA903 rule 381 — a period of care cannot end in a temporary placement. Catalogue fields:
// PLACE REC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { TEMPORARY } from './support.ts';

export const rule381: Rule = rowRule({
  code: '381',
  description:
    'The child ceased to be looked after (reason ceased other than X1) from a temporary placement (T0–T4); a temporary placement is followed by a return to the usual one.',
  table: 'Episodes',
  fields: ['PLACE', 'REC'],
  flagField: 'REC',
  when: TEMPORARY,
  fails: (row) => {
    const rec = row.values.REC ?? '';
    return rec !== '' && rec !== 'X1' && TEMPORARY.has(row.values.PLACE ?? '');
  },
});
