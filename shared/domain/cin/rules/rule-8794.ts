// Domain: CIN rule 8794 (Disabilities, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8794 = cinRule(
  '8794',
  'Disabilities',
  'The same disability code is given twice.',
  (child, _context, emit) => {
    const codes = child.disabilities ?? [];
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) emit(child, 'Disability', code);
      seen.add(code);
    }
  },
);
