// Domain: CIN rule 1570 (ChildIdentifiers, error); catalogue entry last defined in 2024/25.
import { cinRule } from './helpers.ts';

export const rule1570 = cinRule(
  '1570',
  'ChildIdentifiers',
  'The LA child ID is longer than 20 characters.',
  (child, _context, emit) => {
    if (child.laChildId.length > 20) emit(child, 'LAchildID', child.laChildId);
  },
);
