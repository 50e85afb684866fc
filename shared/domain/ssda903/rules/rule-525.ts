// Domain: SSDA903 rule 525 — no adoption details once the plan for adoption is reversed. Catalogue fields:
// DATE_PLACED_CEASED (PlacedAdoption), DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR (AD1).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, val } from './support.ts';

const ADOPTION_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];

export const rule525: Rule = {
  code: '525',
  description:
    'The decision to place the child for adoption was reversed, so the child cannot also have been adopted in the year.',
  tables: ['PlacedAdoption', 'AD1'],
  fields: ['DATE_PLACED_CEASED', ...ADOPTION_FIELDS],
  check(child) {
    const reversed = rowsOf(child, 'PlacedAdoption').filter(
      (row) => (row.values.DATE_PLACED_CEASED ?? '') !== '',
    );
    if (reversed.length === 0) return [];
    const adopted = rowsOf(child, 'AD1').filter((row) =>
      ADOPTION_FIELDS.some((field) => val(row, field) !== ''),
    );
    if (adopted.length === 0) return [];
    return [
      ...reversed.map((row): Finding => finding('525', child, row, 'DATE_PLACED_CEASED')),
      ...adopted.map((row): Finding => finding('525', child, row, 'DATE_INT')),
    ];
  },
};
