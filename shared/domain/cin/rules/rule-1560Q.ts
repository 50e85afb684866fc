// Domain: CIN rule 1560Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule1560Q = cinRule(
  '1560Q',
  'ChildIdentifiers',
  'The former UPN is not in the UPN format (a letter, 11 digits, then a digit or letter).',
  (child, _context, emit) => {
    if (child.formerUpn !== '' && !/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(child.formerUpn))
      emit(child, 'FormerUPN', child.formerUpn);
  },
);
