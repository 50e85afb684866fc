// Domain: SSDA903 rule 446 — placement orders (E1) exist only from 1 December 2005 (Adoption and Children Act
// 2002 in force). Catalogue fields: LS DECOM (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf, fixedDay } from './support.ts';

const PLACEMENT_ORDER_STATUS = codeSet('LS', ['E1']);

const PLACEMENT_ORDERS_BEGIN = fixedDay(2005, 12, 1);

export const rule446: Rule = rowRule({
  code: '446',
  description:
    'A placement order (legal status E1) cannot apply to an episode that started before December 2005.',
  table: 'Episodes',
  fields: ['LS', 'DECOM'],
  flagField: 'LS',
  when: PLACEMENT_ORDER_STATUS,
  fails: (row) => {
    if ((row.values.LS ?? '') !== 'E1') return false;
    const decom = daysOf(row).DECOM ?? null;
    return decom !== null && decom < PLACEMENT_ORDERS_BEGIN;
  },
});
