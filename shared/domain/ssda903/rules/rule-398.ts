// Domain: SSDA903 rule 398 — no postcodes during short breaks. Catalogue fields: LS HOME_POST PL_POST (Episodes).
// The distance from home is worked out from the postcodes, so the check is on them.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { SHORT_BREAKS } from './support.ts';

export const rule398: Rule = rowRule({
  code: '398',
  description:
    'Home or placement postcode is given for a short break (legal status V3 or V4), where no distance is recorded.',
  table: 'Episodes',
  fields: ['LS', 'HOME_POST', 'PL_POST'],
  flagField: 'LS',
  when: SHORT_BREAKS,
  fails: (row) =>
    SHORT_BREAKS.has(row.values.LS ?? '') &&
    ((row.values.HOME_POST ?? '') !== '' || (row.values.PL_POST ?? '') !== ''),
});
