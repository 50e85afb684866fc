// Domain: CIN rule 1580 (ChildIdentifiers, error); catalogue entry last defined in 2024/25.
import { cinRule } from './helpers.ts';

export const rule1580 = cinRule(
  '1580',
  'ChildIdentifiers',
  'The LA child ID may hold only letters and digits.',
  (child, _context, emit) => {
    if (/[^A-Za-z0-9]/.test(child.laChildId)) emit(child, 'LAchildID', child.laChildId);
  },
);
