// Domain: CIN rule 8750 (ChildIdentifiers, error); catalogue entry last defined in 2024/25.
import { cinRule } from './helpers.ts';

export const rule8750 = cinRule(
  '8750',
  'ChildIdentifiers',
  'An unborn child (expected date of birth, no date of birth) must have sex U.',
  (child, _context, emit) => {
    if (child.birthDate === '' && child.expectedBirthDate !== '' && child.sex !== 'U')
      emit(child, 'Sex', child.sex);
  },
);
