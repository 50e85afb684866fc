// Domain: CIN rule 8500 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8500 = cinRule(
  '8500',
  'ChildIdentifiers',
  'The LA child ID is missing.',
  (child, _context, emit) => {
    if (child.laChildId === '') emit(child, 'LAchildID', '');
  },
);
