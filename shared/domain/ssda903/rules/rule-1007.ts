// Domain: SSDA903 rule 1007 — no care leaver information for a 17- or 18-year-old still looked after.
// Catalogue fields: IN_TOUCH ACTIV ACCOM (Episodes, OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import {
  careLeaverBirthdayInYear,
  dobFor,
  episodesInOrder,
  firstFilled,
  inCareOn,
  OC3_FIELDS,
  tablePresent,
} from './support.ts';

export const rule1007: Rule = rowRule({
  code: '1007',
  description:
    'The young person was looked after on their 17th or 18th birthday this year and still is on 31 March, so care leaver information is not required.',
  table: 'OC3',
  tables: ['OC3', 'Episodes'],
  fields: OC3_FIELDS,
  flagField: 'IN_TOUCH',
  fails: (row, child, context) => {
    if (!tablePresent(context, 'Episodes') || firstFilled(row, OC3_FIELDS) === undefined) return false;
    const birthday = careLeaverBirthdayInYear(dobFor(child, row), context);
    if (birthday === null) return false;
    const episodes = episodesInOrder(child);
    const stillLookedAfter = episodes.some(
      (episode) => episode.dec === null || episode.dec > context.periodEnd,
    );
    return inCareOn(episodes, birthday) && stillLookedAfter;
  },
});
