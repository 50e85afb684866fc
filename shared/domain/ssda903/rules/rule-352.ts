// Domain: SSDA903 rule 352 — starting to be looked after at 18 or over. Catalogue fields: DECOM RNE (Header,
// Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf, hasReachedAge, headerDob } from './support.ts';

const STARTED_CARE = codeSet('RNE', ['S']);

export const rule352: Rule = rowRule({
  code: '352',
  description:
    'The child started to be looked after (reason for new episode S) on or after their 18th birthday.',
  table: 'Episodes',
  tables: ['Episodes', 'Header'],
  fields: ['DECOM', 'RNE'],
  flagField: 'DECOM',
  when: STARTED_CARE,
  fails: (row, child) => {
    // The code first: dates are read only for the rows it applies to.
    if ((row.values.RNE ?? '') !== 'S') return false;
    const dob = headerDob(child);
    const decom = daysOf(row).DECOM ?? null;
    return dob !== null && decom !== null && hasReachedAge(dob, decom, 18);
  },
});
