// Domain: CIN rule 8590 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8590 = cinRule(
  '8590',
  'ChildIdentifiers',
  'The child has no CINdetails (CIN episode).',
  (child, _context, emit) => {
    if (child.episodes.length === 0) emit(child, 'CINdetails', '');
  },
);
