// Domain: CIN rule 1530 (ChildIdentifiers, error); catalogue entry last defined in 2023/24.
import { cinRule } from './helpers.ts';
import { LA_CODES } from './upn.ts';

export const rule1530 = cinRule(
  '1530',
  'ChildIdentifiers',
  'Characters 2 to 4 of the UPN are not a local authority number.',
  (child, _context, emit) => {
    if (child.upn !== '' && !LA_CODES.has(child.upn.slice(1, 4))) emit(child, 'UPN', child.upn);
  },
);
