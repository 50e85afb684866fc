// Domain: CIN rule 100 (Header, error); catalogue entry last defined in 2022/23.
import type { CinCouncilRule } from '../model.ts';

export const rule100: CinCouncilRule = {
  code: '100',
  module: 'Header',
  description: 'The reference date in the header must be 31 March of the year the census ends.',
  start(context, header) {
    return {
      add() {},
      finish() {
        const expected = `${context.collectionYear}-03-31`;
        if (header === null || header.referenceDate === expected) return [];
        return [
          {
            line: header.referenceDateLine,
            message: `The header's ReferenceDate is ${header.referenceDate || 'missing'}; for the ${context.collectionYear - 1}/${String(context.collectionYear).slice(2)} census it must be ${expected}.`,
          },
        ];
      },
    };
  },
};
