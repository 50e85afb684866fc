// Domain: CIN rule 2887Q (Disabilities, query); catalogue entry last defined in 2022/23.
import { plural } from '../../reading/issues.ts';
import type { CinCouncilRule } from '../model.ts';

export const rule2887Q: CinCouncilRule = {
  code: '2887Q',
  module: 'Disabilities',
  description: 'Fewer than 8 different disability codes are used in the whole return.',
  start() {
    const codes = new Set<string>();
    return {
      add(child) {
        for (const code of child.disabilities ?? []) if (code !== '') codes.add(code);
      },
      finish() {
        if (codes.size >= 8) return [];
        return [
          {
            line: null,
            message: `Only ${plural(codes.size, 'disability code')} ${codes.size === 1 ? 'is' : 'are'} used in the return; check that every disability is recorded.`,
          },
        ];
      },
    };
  },
};
