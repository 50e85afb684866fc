// Domain: CIN rule 2886Q (ChildIdentifiers, query); catalogue entry last defined in 2024/25.
import { plural } from '../../reading/issues.ts';
import type { CinCouncilRule } from '../model.ts';

export const rule2886Q: CinCouncilRule = {
  code: '2886Q',
  module: 'ChildIdentifiers',
  description: 'More than 2% of children (not counting unborn children) have no sex recorded (blank or U).',
  start() {
    let born = 0;
    let unknown = 0;
    return {
      add(child) {
        if (child.birthDate === '') return;
        born++;
        if (child.sex === '' || child.sex === 'U') unknown++;
      },
      finish() {
        if (born === 0 || unknown / born <= 0.02) return [];
        return [
          {
            line: null,
            message: `${plural(unknown, 'child', 'children')} of ${born.toLocaleString('en-GB')} (${((100 * unknown) / born).toFixed(1)}%, not counting unborn children) have no sex recorded.`,
          },
        ];
      },
    };
  },
};
