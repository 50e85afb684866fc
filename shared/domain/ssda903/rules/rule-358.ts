// Domain: SSDA903 rule 358 — youth justice legal statuses need a child aged 10+. Catalogue fields: DECOM DOB LS.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf, hasReachedAge, headerDob } from './support.ts';

/** J1–J3: remanded or sentenced (youth justice legal statuses). */
const YOUTH_JUSTICE = codeSet('LS', ['J1', 'J2', 'J3']);

export const rule358: Rule = rowRule({
  code: '358',
  description: 'The legal status is J1, J2 or J3 but the child was under 10 when the episode began.',
  table: 'Episodes',
  tables: ['Episodes', 'Header'],
  fields: ['DECOM', 'DOB', 'LS'],
  flagField: 'LS',
  when: YOUTH_JUSTICE,
  fails: (row, child) => {
    // The code first: dates are read only for the rows it applies to.
    if (!YOUTH_JUSTICE.has(row.values.LS ?? '')) return false;
    const dob = headerDob(child);
    const decom = daysOf(row).DECOM ?? null;
    return dob !== null && decom !== null && !hasReachedAge(dob, decom, 10);
  },
});
