// Domain: SSDA903 rule 1002 — care leaver information for a young person with no episodes this year or last
// year. Catalogue fields: IN_TOUCH ACTIV ACCOM (Episodes, OC3, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { finding, previousRowsOf, rowsOf, val } from './support.ts';

const CARE_LEAVER_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];

export const rule1002: Rule = {
  code: '1002',
  description:
    'Care leaver information is given for a young person with no episodes of care in this year’s or last year’s return (if they left care earlier, check their record).',
  tables: ['OC3', 'Episodes'],
  previousTables: ['Episodes'],
  fields: CARE_LEAVER_FIELDS,
  check(child, context) {
    const row = rowsOf(child, 'OC3').find((oc3) =>
      CARE_LEAVER_FIELDS.some((field) => val(oc3, field) !== ''),
    );
    if (!row || rowsOf(child, 'Episodes').length > 0) return [];
    if (previousRowsOf(child, context, 'Episodes').length > 0) return [];
    return [finding('1002', child, row, 'IN_TOUCH')];
  },
};
