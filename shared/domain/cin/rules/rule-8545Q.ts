// Domain: CIN rule 8545Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule8545Q = cinRule(
  '8545Q',
  'ChildIdentifiers',
  'The date of death should fall within the census year.',
  (child, context, emit) => {
    const death = day(child.deathDate);
    if (death !== null && !inPeriod(death, context)) emit(child, 'PersonDeathDate', child.deathDate);
  },
);
