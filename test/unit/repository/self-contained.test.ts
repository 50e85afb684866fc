// The repository is self-contained: no source, script, test, config or doc refers to a path outside it, so a
// clone with nothing beside it builds, runs and passes its tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathsOutside } from './outside-paths.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCANNED = /\.(ts|mts|mjs|js|cjs|json|sh|md|yml|yaml)$|^\.ci\/|(^|\/)Makefile$/;
const SOURCE_MATERIAL = ['shared', 'data'].join('/');
/** This file's own examples of outside paths are the point of its second half. */
const THIS_FILE = path
  .relative(root, fileURLToPath(import.meta.url))
  .split(path.sep)
  .join('/');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root })
    .toString()
    .split('\n')
    .filter((file) => SCANNED.test(file) && file !== THIS_FILE && !file.endsWith('package-lock.json'));
}

describe('the repository', () => {
  it('refers to nothing outside itself', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      pathsOutside(file, readFileSync(path.join(root, file), 'utf8')).map(
        (finding) => `${file}:${finding.line}: ${finding.text}`,
      ),
    );
    expect(found).toEqual([]);
  });
});

describe('pathsOutside', () => {
  it('finds a relative path or import that climbs above the repository', () => {
    expect(pathsOutside('test/unit/a.test.ts', "readFileSync('../../../../shared/x.csv')")).toHaveLength(1);
    expect(pathsOutside('scripts/a.ts', "import x from '../../elsewhere/x.ts';")).toHaveLength(1);
    // The sibling folder's name is assembled, so this file does not itself name a path outside the repository.
    expect(pathsOutside('docs/a.md', `see [the data](../../${SOURCE_MATERIAL}/x.csv)`)).toHaveLength(1);
  });

  it("finds runs of '..' segments that climb above the repository from the file's folder", () => {
    const climbing = "path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared')";
    expect(pathsOutside('test/unit/a.test.ts', climbing)).toHaveLength(1);
    expect(pathsOutside('test/unit/cin/a.test.ts', climbing)).toEqual([]);
  });

  it("finds a step above a folder named as the repository's root, and the shared data folder by name", () => {
    expect(pathsOutside('scripts/a.ts', "path.resolve(repoRoot, '..', 'shared')")).toHaveLength(1);
    expect(pathsOutside('scripts/a.ts', "join(REPO_ROOT, '..', 'shared', 'data')")).toHaveLength(1);
    expect(pathsOutside('scripts/a.ts', `const dir = '${SOURCE_MATERIAL}/reference';`)).toHaveLength(1);
  });

  it('accepts paths that stay inside', () => {
    expect(pathsOutside('test/unit/cin/a.test.ts', "readFileSync('../../fixtures/cin/x.xml')")).toEqual([]);
    expect(pathsOutside('events/a.ts', "import { X } from '../shared/domain/x.ts';")).toEqual([]);
    expect(pathsOutside('scripts/a.ts', "path.join(repoRoot, 'shared', 'reference')")).toEqual([]);
  });
});
