// Domain: CIN rule 1550 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';
import { CHECK_LETTERS } from './upn.ts';

export const rule1550 = cinRule(
  '1550',
  'ChildIdentifiers',
  'Character 13 of the UPN must be a digit or a letter other than I, O and S.',
  (child, _context, emit) => {
    if (child.upn === '') return;
    const last = child.upn.length === 13 ? child.upn[12]!.toUpperCase() : '';
    if (!/\d/.test(last) && !CHECK_LETTERS.includes(last)) emit(child, 'UPN', child.upn);
  },
);
