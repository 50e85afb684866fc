// Domain: SSDA903 rule 612 — child's DOB given but girl not recorded as a mother. Catalogue fields:
// SEX MOTHER MC_DOB (Header); last defined 2024/25 (the sex codes changed).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';

function childDobWithoutMother(femaleCode: string): Rule {
  return rowRule({
    code: '612',
    description:
      "A date of birth for the mother's child is recorded but the mother field does not say she is a mother.",
    table: 'Header',
    fields: ['SEX', 'MOTHER', 'MC_DOB'],
    flagField: 'MOTHER',
    fails: (row) =>
      (row.values.SEX ?? '') === femaleCode &&
      ['0', ''].includes(row.values.MOTHER ?? '') &&
      (row.values.MC_DOB ?? '') !== '',
  });
}

/** Up to 2023/24 female was coded 2. */
export const rule612Until2024: Rule = childDobWithoutMother('2');
/** From 2024/25 female is coded F. */
export const rule612: Rule = childDobWithoutMother('F');
