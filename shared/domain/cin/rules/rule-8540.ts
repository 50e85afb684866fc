// Domain: CIN rule 8540 (ChildCharacteristics, error); catalogue entry last defined in 2022/23.
import { cinRule, DISABILITY } from './helpers.ts';

export const rule8540 = cinRule(
  '8540',
  'Disabilities',
  'A disability is blank or not a code in the disability list.',
  (child, _context, emit) => {
    for (const code of child.disabilities ?? []) if (!DISABILITY.has(code)) emit(child, 'Disability', code);
  },
);
