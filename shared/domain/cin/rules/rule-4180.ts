// Domain: CIN rule 4180 (ChildIdentifiers, error); catalogue entry last defined in 2024/25.
import { cinRule } from './helpers.ts';

export const rule4180 = cinRule(
  '4180',
  'ChildIdentifiers',
  'Sex must be given as M, F or U.',
  (child, _context, emit) => {
    if (!['M', 'F', 'U'].includes(child.sex)) emit(child, 'Sex', child.sex);
  },
);
