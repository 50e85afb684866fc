// Domain: SSDA903 rule 174 — a boy cannot have a mother's child DOB. Catalogue fields: SEX MC_DOB (Header);
// last defined 2024/25 (the sex codes changed).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';

function maleWithChildDob(maleCode: string): Rule {
  return rowRule({
    code: '174',
    description: "A date of birth for the mother's child is recorded but the child's sex is male.",
    table: 'Header',
    fields: ['SEX', 'MC_DOB'],
    flagField: 'MC_DOB',
    fails: (row) => (row.values.SEX ?? '') === maleCode && (row.values.MC_DOB ?? '') !== '',
  });
}

/** Up to 2023/24 male was coded 1. */
export const rule174Until2024: Rule = maleWithChildDob('1');
/** From 2024/25 male is coded M. */
export const rule174: Rule = maleWithChildDob('M');
