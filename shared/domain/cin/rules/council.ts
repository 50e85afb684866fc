// Domain: CIN checks over the whole return (council-level issues). They are fed child by child and name no
// child in their messages: duplicates are located by the lines of the <Child> elements.
import { plural } from '../../reading/issues.ts';
import type { CinChild, CinCouncilRule } from '../model.ts';

const MAX_LINES_LISTED = 10;

function linesInWords(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).map((line) => line.toLocaleString('en-GB'));
  return `${shown.join(', ')}${lines.length > MAX_LINES_LISTED ? ` and ${lines.length - MAX_LINES_LISTED} more` : ''}`;
}

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

function duplicates(
  code: string,
  description: string,
  what: string,
  key: (child: CinChild) => string,
): CinCouncilRule {
  return {
    code,
    module: 'ChildIdentifiers',
    description,
    start() {
      // Identifiers are held only while the return is read, to find repeats; they are never written out.
      const seen = new Map<string, number[]>();
      return {
        add(child) {
          const value = key(child);
          if (value === '') return;
          const lines = seen.get(value);
          if (lines) lines.push(child.line);
          else seen.set(value, [child.line]);
        },
        finish() {
          const found = [...seen.values()].filter((lines) => lines.length > 1);
          seen.clear();
          return found.map((lines) => ({
            line: lines[0]!,
            message: `${plural(lines.length, 'child record')} share one ${what}: the <Child> elements at lines ${linesInWords(lines)}.`,
          }));
        },
      };
    },
  };
}

export const rule1520 = duplicates('1520', 'More than one child record has the same UPN.', 'UPN', (child) =>
  child.upn.toUpperCase(),
);
export const rule8510 = duplicates(
  '8510',
  'More than one child record has the same LA child ID.',
  'LA child ID',
  (child) => child.laChildId,
);

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
