// Domain: SSDA903 rule 217 — adoption by current foster carers needs a matching RNE. Catalogue fields:
// PLACE DECOM RNE (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { daysOf, fixedDay } from './support.ts';

/** A3/A5: placed for adoption with current foster carers (with / without a placement order). */
const WITH_CURRENT_FOSTER_CARERS = codeSet('PLACE', ['A3', 'A5']);
/** S, T, U: the reasons for a new episode that go with a placement for adoption. */
const ADOPTION_REASONS = codeSet('RNE', ['S', 'T', 'U']);
const FROM = fixedDay(2015, 4, 1);

export const rule217: Rule = rowRule({
  code: '217',
  description:
    'A child placed for adoption with their current foster carers (A3 or A5) must have a reason for new episode of S, T or U (episodes from 1 April 2015).',
  table: 'Episodes',
  fields: ['PLACE', 'DECOM', 'RNE'],
  flagField: 'RNE',
  when: WITH_CURRENT_FOSTER_CARERS,
  fails: (row) => {
    // The code first: the date is read only for the rows it applies to.
    if (!WITH_CURRENT_FOSTER_CARERS.has(row.values.PLACE ?? '')) return false;
    const decom = daysOf(row).DECOM ?? null;
    return decom !== null && decom >= FROM && !ADOPTION_REASONS.has(row.values.RNE ?? '');
  },
});
