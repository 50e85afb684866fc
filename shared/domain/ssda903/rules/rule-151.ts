// Domain: SSDA903 rule 151 — the adoption items are all completed or all blank. Catalogue fields: DATE_INT
// DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR (AD1).
import type { Finding, Rule } from '../model.ts';
import { AD1_FIELDS, finding, firstFilled, rowsOf, val } from './support.ts';

export const rule151: Rule = {
  code: '151',
  description:
    'Some adoption items (AD1) are completed and others are blank: complete all of them, or leave all blank.',
  tables: ['AD1'],
  fields: AD1_FIELDS,
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'AD1')) {
      if (firstFilled(row, AD1_FIELDS) === undefined) continue;
      for (const field of AD1_FIELDS)
        if (val(row, field) === '') findings.push(finding('151', child, row, field));
    }
    return findings;
  },
};
