// Domain: SSDA903 rule 187 — no adoption or care leaver data for a child looked after for the whole year.
// Catalogue fields: DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR IN_TOUCH ACTIV ACCOM
// (OC3, AD1, Episodes).
import type { Finding, Rule } from '../model.ts';
import {
  AD1_FIELDS,
  continuouslyLookedAfter,
  finding,
  firstFilled,
  OC3_FIELDS,
  rowsOf,
  tablePresent,
} from './support.ts';

export const rule187: Rule = {
  code: '187',
  description:
    'The child was looked after continuously for the 12 months to 31 March, so adoption (AD1) and care leaver (OC3) information should be blank.',
  tables: ['OC3', 'AD1', 'Episodes'],
  fields: [...AD1_FIELDS, ...OC3_FIELDS],
  check(child, context) {
    if (!tablePresent(context, 'Episodes')) return [];
    const filled: Finding[] = [];
    for (const [table, fields] of [
      ['OC3', OC3_FIELDS],
      ['AD1', AD1_FIELDS],
    ] as const)
      for (const row of rowsOf(child, table)) {
        const field = firstFilled(row, fields);
        if (field !== undefined) filled.push(finding('187', child, row, field));
      }
    return filled.length > 0 && continuouslyLookedAfter(child, context) ? filled : [];
  },
};
