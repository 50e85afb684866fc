// Domain: the shape of a CIN check over the whole return that finds children sharing one identifier. It is
// fed child by child and names no child in its message: repeats are located by the children's positions in the
// file ("Child 3"), which hold even for a file written on one line.
import { plural } from '../../reading/issues.ts';
import type { CinChild, CinCouncilRule } from '../model.ts';

const MAX_LISTED = 10;

function childrenInWords(ordinals: readonly number[]): string {
  const shown = ordinals.slice(0, MAX_LISTED).map((ordinal) => `Child ${ordinal.toLocaleString('en-GB')}`);
  return `${shown.join(', ')}${ordinals.length > MAX_LISTED ? ` and ${ordinals.length - MAX_LISTED} more` : ''}`;
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
      const seen = new Map<string, { line: number; ordinals: number[] }>();
      return {
        add(child) {
          const value = key(child);
          if (value === '') return;
          const found = seen.get(value);
          if (found) found.ordinals.push(child.ordinal);
          else seen.set(value, { line: child.line, ordinals: [child.ordinal] });
        },
        finish() {
          const found = [...seen.values()].filter((entry) => entry.ordinals.length > 1);
          seen.clear();
          return found.map((entry) => ({
            line: entry.line,
            message: `${plural(entry.ordinals.length, 'child record')} share one ${what}: ${childrenInWords(entry.ordinals)} (by position in the file).`,
          }));
        },
      };
    },
  };
}
