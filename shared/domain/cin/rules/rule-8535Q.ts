// Domain: CIN rule 8535Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8535Q = cinRule(
  '8535Q',
  'ChildIdentifiers',
  'The date of death is before the date of birth.',
  (child, _context, emit) => {
    const birth = day(child.birthDate);
    const death = day(child.deathDate);
    if (birth !== null && death !== null && death < birth) emit(child, 'PersonDeathDate', child.deathDate);
  },
);
