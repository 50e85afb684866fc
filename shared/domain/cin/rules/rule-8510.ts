// Domain: CIN rule 8510 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { duplicates } from './duplicates.ts';

export const rule8510 = duplicates(
  '8510',
  'More than one child record has the same LA child ID.',
  'LA child ID',
  (child) => child.laChildId,
);
