// `npm run dead-exports`: exported names that no other file mentions (product, scripts and tests). Each is
// either dead (delete it) or a value used only in its own file (drop the `export`); types used only in their
// own file are listed too with `-- --types` (most name a public signature and can stay). A name counts as
// used when another file has it as a whole word, so a listed name is certain, an unlisted one merely likely.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXPORTED =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(const|let|function\*?|class|type|interface|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;
const withTypes = process.argv.includes('--types');
/** Files whose exports are read by a tool rather than imported: handlers (Lambda), configs, tests, scripts. */
const ENTRY_POINTS = [/^functions\/[^/]+\/handler\.ts$/, /\.test\.ts$/, /^vitest\.config\.ts$/, /^scripts\//];

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs'],
  {
    cwd: root,
  },
)
  .toString()
  .split('\n')
  .filter((file) => file && !file.endsWith('.d.ts'));
const texts = new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

const wordsElsewhere = (name: string, except: string) => {
  const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
  for (const [file, text] of texts) if (file !== except && word.test(text)) return true;
  return false;
};
const usesInOwnFile = (name: string, text: string) =>
  (text.match(new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`, 'g')) ?? []).length > 1;

let found = 0;
for (const [file, text] of texts) {
  if (ENTRY_POINTS.some((pattern) => pattern.test(file))) continue;
  for (const match of text.matchAll(EXPORTED)) {
    const [, kind, name] = match as unknown as [string, string, string];
    if (wordsElsewhere(name, file)) continue;
    const ownFileOnly = usesInOwnFile(name, text);
    if (ownFileOnly && (kind === 'type' || kind === 'interface') && !withTypes) continue;
    found += 1;
    const line = text.slice(0, match.index).split('\n').length;
    console.log(`${file}:${line} ${name} ${ownFileOnly ? '(used in its own file only)' : '(unused)'}`);
  }
}
console.log(found === 0 ? 'No dead exports.' : `${found} export(s) no other file mentions.`);
process.exitCode = found === 0 ? 0 : 1;
