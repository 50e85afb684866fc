// The local cloud is a library that runs any CDK app's synthesized templates: nothing under infra/local
// imports the product (shared/, functions/, events/, the "#…" aliases). What it serves of the product comes
// from the cloud assembly; demo data and the `npm start` story live in scripts/demo/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LIBRARY = 'infra/local/';
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** The imports of one library file that reach outside the library (to the product or anywhere else in the repository). */
function importsLeavingLibrary(file: string, text: string): string[] {
  return [...text.matchAll(SPECIFIER)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter((specifier) => {
      if (specifier.startsWith('#')) return true;
      if (!specifier.startsWith('.')) return false;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      return !target.startsWith(LIBRARY);
    });
}

function libraryFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', LIBRARY], {
    cwd: root,
  })
    .toString()
    .split('\n')
    .filter((file) => /\.(?:ts|mts|mjs|js)$/.test(file));
}

describe('the local cloud', () => {
  it('imports nothing from outside infra/local', () => {
    const files = libraryFiles();
    expect(files.length).toBeGreaterThan(20);
    const leaving = files.flatMap((file) =>
      importsLeavingLibrary(file, readFileSync(path.join(root, file), 'utf8')).map(
        (specifier) => `${file} → ${specifier}`,
      ),
    );
    expect(leaving).toEqual([]);
  });

  it('an import of the product, by path or alias, statically or not, is found', () => {
    const text = [
      "import { findAsset } from '../../shared/web/assets.ts';",
      "import demo from '../../shared/reference/demo-directory.json' with { type: 'json' };",
      "const handler = await import('../../functions/ingest-return/handler.ts');",
      "import type { Row } from '#domain/ssda903/model';",
      "import { SqsPoller } from './sqs-poller.ts';",
      "import { translatorFor } from './resources/index.ts';",
      "import { Logger } from '@aws-lambda-powertools/logger';",
    ].join('\n');
    expect(importsLeavingLibrary('infra/local/example.ts', text)).toEqual([
      '../../shared/web/assets.ts',
      '../../shared/reference/demo-directory.json',
      '../../functions/ingest-return/handler.ts',
      '#domain/ssda903/model',
    ]);
    expect(
      importsLeavingLibrary('infra/local/resources/example.ts', "import { x } from '../../constructs/a.ts';"),
    ).toEqual(['../../constructs/a.ts']);
  });
});
