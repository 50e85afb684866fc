// Test helper: finds references in a file's text to paths outside the repository, judged from where the file
// sits in it. Three shapes are recognised: a relative path written out ('../../x'), a run of '..' arguments to
// path.join/resolve (taken as relative to the file's own folder), and a step above a variable named as the
// repository's root. The folder beside the repository that holds the project's source material (its data,
// docs and hooks) is refused by name as well, however it is reached.
import path from 'node:path';

export interface OutsideFinding {
  readonly line: number;
  readonly text: string;
}

const RELATIVE_PATH = /(?:^|[^\w./-])((?:\.\.\/)+)/g;
const DOT_DOT_RUN = /'\.\.'(?:\s*,\s*'\.\.')*/g;
const ROOT_THEN_UP = /\b(?:repo_?root|root|REPO_ROOT|ROOT)\s*,\s*'\.\.'/i;
const SOURCE_MATERIAL = /shared\/(?:data|docs|hooks)\b|'shared',\s*'(?:data|docs|hooks)'/;

/** Folders between the repository root and the file: how many '..' steps stay inside. */
function depthOf(file: string): number {
  return path.posix.dirname(file) === '.' ? 0 : path.posix.dirname(file).split('/').length;
}

export function pathsOutside(file: string, text: string): OutsideFinding[] {
  const depth = depthOf(file);
  const findings: OutsideFinding[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const flag = () => findings.push({ line: index + 1, text: line.trim() });
    const climbs = [...line.matchAll(RELATIVE_PATH)].map((match) => (match[1] ?? '').length / 3);
    const runs = [...line.matchAll(DOT_DOT_RUN)].map((match) => match[0].split("'..'").length - 1);
    if (
      climbs.some((steps) => steps > depth) ||
      runs.some((steps) => steps > depth) ||
      ROOT_THEN_UP.test(line) ||
      SOURCE_MATERIAL.test(line)
    ) {
      flag();
    }
  }
  return findings;
}
