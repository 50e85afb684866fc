// Domain: CIN rule 8530Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8530Q = cinRule(
  '8530Q',
  'ChildIdentifiers',
  'The expected date of birth should fall between March and December of the year the census ends.',
  (child, context, emit) => {
    const expected = day(child.expectedBirthDate);
    if (expected === null) return;
    const year = context.collectionYear;
    if (child.expectedBirthDate < `${year}-03-01` || child.expectedBirthDate > `${year}-12-31`)
      emit(child, 'ExpectedPersonBirthDate', child.expectedBirthDate);
  },
);
