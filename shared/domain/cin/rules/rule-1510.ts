// Domain: CIN rule 1510 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';
import { upnCheckLetter } from './upn.ts';

export const rule1510 = cinRule(
  '1510',
  'ChildIdentifiers',
  'The UPN’s first character is not the check letter its other characters give.',
  (child, _context, emit) => {
    const expected = upnCheckLetter(child.upn);
    if (expected !== null && child.upn[0]!.toUpperCase() !== expected) emit(child, 'UPN', child.upn);
  },
);
