// Domain: CIN rule 2888Q (Disabilities, query); catalogue entry last defined in 2022/23.
import { plural } from '../../reading/issues.ts';
import type { CinCouncilRule } from '../model.ts';

export const rule2888Q: CinCouncilRule = {
  code: '2888Q',
  module: 'Disabilities',
  description:
    'Every child with a disability has only one disability code: record all of a child’s disabilities.',
  start() {
    let disabled = 0;
    let several = 0;
    return {
      add(child) {
        const codes = new Set((child.disabilities ?? []).filter((code) => code !== '' && code !== 'NONE'));
        if (codes.size === 0) return;
        disabled++;
        if (codes.size > 1) several++;
      },
      finish() {
        if (disabled < 2 || several > 0) return [];
        return [
          {
            line: null,
            message: `All ${plural(disabled, 'child', 'children')} with a disability have exactly one disability code.`,
          },
        ];
      },
    };
  },
};
