// Domain: SSDA903 rule 392d — home and placement postcodes differ unless placed with parents. Catalogue fields:
// HOME_POST PL_POST PLACE (Episodes). Postcodes are compared without spaces or case.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { val } from './support.ts';

const normalised = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

export const rule392d: Rule = rowRule({
  code: '392d',
  description:
    'The home and placement postcodes are the same, which is only expected when the child is placed with parents (P1).',
  table: 'Episodes',
  fields: ['HOME_POST', 'PL_POST', 'PLACE'],
  flagField: 'PL_POST',
  fails: (row) => {
    const home = val(row, 'HOME_POST');
    return home !== '' && val(row, 'PLACE') !== 'P1' && normalised(home) === normalised(val(row, 'PL_POST'));
  },
});
