// Domain: SSDA903 rule 353 — episode before the Children Act 1989 came into force. Catalogue fields: DECOM.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, fixedDay } from './support.ts';

const CHILDREN_ACT_IN_FORCE = fixedDay(1991, 10, 14);

export const rule353: Rule = rowRule({
  code: '353',
  description: 'No episode can start before 14 October 1991.',
  table: 'Episodes',
  fields: ['DECOM'],
  flagField: 'DECOM',
  fails: (row) => {
    const decom = daysOf(row).DECOM ?? null;
    return decom !== null && decom < CHILDREN_ACT_IN_FORCE;
  },
});
