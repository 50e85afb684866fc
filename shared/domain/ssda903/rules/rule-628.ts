// Domain: SSDA903 rule 628 — motherhood details for a care leaver not looked after this year. Catalogue fields:
// MOTHER (Episodes, Header, OC3); last defined 2022/23.
import type { Rule } from '../model.ts';
import { finding, headerRow, rowsOf, val } from './support.ts';

export const rule628: Rule = {
  code: '628',
  description:
    'Motherhood details are not needed for a care leaver who was not looked after during the year.',
  tables: ['Header', 'Episodes', 'OC3'],
  fields: ['MOTHER'],
  check(child) {
    const header = headerRow(child);
    if (!header || (header.values.MOTHER ?? '') === '' || rowsOf(child, 'Episodes').length > 0) return [];
    const careLeaver = rowsOf(child, 'OC3').some((row) =>
      ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((field) => val(row, field) !== ''),
    );
    return careLeaver ? [finding('628', child, header, 'MOTHER')] : [];
  },
};
