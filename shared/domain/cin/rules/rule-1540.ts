// Domain: CIN rule 1540 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule1540 = cinRule(
  '1540',
  'ChildIdentifiers',
  'Characters 5 to 12 of the UPN must all be digits.',
  (child, _context, emit) => {
    if (child.upn !== '' && !/^\d{8}$/.test(child.upn.slice(4, 12))) emit(child, 'UPN', child.upn);
  },
);
