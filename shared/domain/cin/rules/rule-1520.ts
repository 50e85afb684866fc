// Domain: CIN rule 1520 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { duplicates } from './duplicates.ts';

export const rule1520 = duplicates('1520', 'More than one child record has the same UPN.', 'UPN', (child) =>
  child.upn.toUpperCase(),
);
