// Domain: CIN rule 8520 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8520 = cinRule(
  '8520',
  'ChildIdentifiers',
  'The date of birth is after the end of the census year.',
  (child, context, emit) => {
    const birth = day(child.birthDate);
    if (birth !== null && birth > context.periodEnd) emit(child, 'PersonBirthDate', child.birthDate);
  },
);
