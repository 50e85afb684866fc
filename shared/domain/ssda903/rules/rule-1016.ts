// Domain: SSDA903 rule 1016 — no care leaver information for a 17- or 18-year-old who left care after the
// birthday. Catalogue fields: IN_TOUCH ACTIV ACCOM (Episodes, OC3); last defined 2023/24.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import {
  careLeaverBirthdayInYear,
  dobFor,
  episodesInOrder,
  finalCeasedEpisode,
  firstFilled,
  OC3_FIELDS,
  tablePresent,
} from './support.ts';

export const rule1016: Rule = rowRule({
  code: '1016',
  description:
    'The young person stopped being looked after on or after their 17th or 18th birthday this year, so care leaver information is not required.',
  table: 'OC3',
  tables: ['OC3', 'Episodes'],
  fields: OC3_FIELDS,
  flagField: 'IN_TOUCH',
  fails: (row, child, context) => {
    if (!tablePresent(context, 'Episodes') || firstFilled(row, OC3_FIELDS) === undefined) return false;
    const birthday = careLeaverBirthdayInYear(dobFor(child, row), context);
    const ceased = finalCeasedEpisode(episodesInOrder(child))?.dec ?? null;
    return birthday !== null && ceased !== null && ceased >= birthday;
  },
});
