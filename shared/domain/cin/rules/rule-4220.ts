// Domain: CIN rule 4220 (ChildCharacteristics, error); catalogue entry last defined in 2022/23.
import { cinRule, ETHNICITY } from './helpers.ts';

export const rule4220 = cinRule(
  '4220',
  'ChildCharacteristics',
  'Ethnicity is missing or not a code in the ethnicity list.',
  (child, _context, emit) => {
    if (!ETHNICITY.has(child.ethnicity)) emit(child, 'Ethnicity', child.ethnicity);
  },
);
