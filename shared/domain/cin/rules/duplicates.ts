// Domain: the shape of a CIN check over the whole return that finds children sharing one identifier. It is
// fed child by child and names no child in its message: repeats are located by the lines of the <Child> elements.
import { plural } from '../../ssda903/issues.ts';
import type { CinChild, CinCouncilRule } from '../model.ts';

const MAX_LINES_LISTED = 10;

function linesInWords(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).map((line) => line.toLocaleString('en-GB'));
  return `${shown.join(', ')}${lines.length > MAX_LINES_LISTED ? ` and ${lines.length - MAX_LINES_LISTED} more` : ''}`;
}

export function duplicates(
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
