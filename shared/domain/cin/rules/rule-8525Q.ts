// Domain: CIN rule 8525Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8525Q = cinRule(
  '8525Q',
  'ChildIdentifiers',
  'Give either the date of birth or the expected date of birth, not both and not neither.',
  (child, _context, emit) => {
    if ((child.birthDate === '') === (child.expectedBirthDate === ''))
      emit(child, 'PersonBirthDate', child.birthDate);
  },
);
