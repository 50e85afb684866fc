// Domain: SSDA903 rule 348 — a care leaver whom last year's return reported as having died is not reported so
// this year. Catalogue fields: IN_TOUCH (OC3, OC3_last); last defined 2025/26, the first version we hold.
import type { Rule } from '../model.ts';
import { finding, previousRowsOf, rowsOf } from './support.ts';

const DIED = 'DIED';

export const rule348: Rule = {
  code: '348',
  description:
    'Last year’s return reported this care leaver as having died, but this year’s return does not say they died.',
  tables: ['OC3'],
  previousTables: ['OC3'],
  fields: ['IN_TOUCH'],
  check(child, context) {
    const diedLastYear = previousRowsOf(child, context, 'OC3').some(
      (row) => (row.values.IN_TOUCH ?? '') === DIED,
    );
    if (!diedLastYear) return [];
    return rowsOf(child, 'OC3')
      .filter((row) => (row.values.IN_TOUCH ?? '') !== DIED)
      .map((row) => finding('348', child, row, 'IN_TOUCH'));
  },
};
