// Domain: SSDA903 rule 384 — short breaks are not long-term fostering. Catalogue fields: PLACE LS (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { SHORT_BREAKS } from './support.ts';

/** U1: long-term fostering with a relative or friend; U4: long-term fostering with another foster carer. */
const LONG_TERM_FOSTERING = codeSet('PLACE', ['U1', 'U4']);

export const rule384: Rule = rowRule({
  code: '384',
  description:
    'A child on short breaks (legal status V3 or V4) cannot be in a long-term foster placement (U1 or U4).',
  table: 'Episodes',
  fields: ['PLACE', 'LS'],
  flagField: 'PLACE',
  when: SHORT_BREAKS,
  fails: (row) => SHORT_BREAKS.has(row.values.LS ?? '') && LONG_TERM_FOSTERING.has(row.values.PLACE ?? ''),
});
