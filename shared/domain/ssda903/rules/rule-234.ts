// Domain: SSDA903 rule 234 — custody as a reason for moving needs a child aged 10+. Catalogue fields:
// REASON_PLACE_CHANGE DOB (Header, Episodes); from 2025/26.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf, hasReachedAge, headerDob } from './support.ts';

const CUSTODY = codeSet('REASON_PLACE_CHANGE', ['CUSTOD']);

export const rule234: Rule = rowRule({
  code: '234',
  description: 'A child under 10 cannot change placement because of being admitted to custody (CUSTOD).',
  table: 'Episodes',
  tables: ['Episodes', 'Header'],
  fields: ['REASON_PLACE_CHANGE', 'DOB'],
  flagField: 'REASON_PLACE_CHANGE',
  when: CUSTODY,
  fails: (row, child) => {
    // The code first: dates are read only for the rows it applies to.
    if ((row.values.REASON_PLACE_CHANGE ?? '') !== 'CUSTOD') return false;
    const dob = headerDob(child);
    const when = daysOf(row).DEC ?? daysOf(row).DECOM ?? null;
    return dob !== null && when !== null && !hasReachedAge(dob, when, 10);
  },
});
