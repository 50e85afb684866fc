// Domain: CIN rule 8775Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { addYears, cinRule, day } from './helpers.ts';

export const rule8775Q = cinRule(
  '8775Q',
  'ChildIdentifiers',
  'The child is over 25 years old at the end of the census year.',
  (child, context, emit) => {
    const birth = day(child.birthDate);
    if (birth !== null && addYears(birth, 25) < context.periodEnd)
      emit(child, 'PersonBirthDate', child.birthDate);
  },
);
