// Domain: CIN rule 8790 (Disabilities, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8790 = cinRule(
  '8790',
  'Disabilities',
  'Disabilities list NONE together with other codes.',
  (child, _context, emit) => {
    const codes = child.disabilities ?? [];
    if (codes.includes('NONE') && codes.some((code) => code !== 'NONE')) emit(child, 'Disability', 'NONE');
  },
);
