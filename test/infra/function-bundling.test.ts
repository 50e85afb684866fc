// The rewrite that lets esbuild leave out the AWS SDK operations a function never sends: the same table,
// its computed keys written as the strings they name.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { withLiteralSchemaKeys } from '../../infra/constructs/function-bundling.ts';

const TABLE = [
  'const _h = "http";',
  'const _hE = "httpError";',
  'const n0 = "com.example";',
  'export var GetThing$ = [9, n0, "GetThing", { [_h]: ["GET", "/thing", 200] }, () => 0, () => 0];',
  'export var PutThing$ = [9, n0, "PutThing", { [_h]: ["PUT", "/thing", 200], [_hE]: 400 }, () => 0, () => 0];',
  'export var Unknown$ = [9, n0, "Unknown", { [_other]: 1 }];',
].join('\n');

async function bundledWith(table: string): Promise<string> {
  const result = await build({
    stdin: { contents: 'import { GetThing$ } from "./table.js"; console.log(GetThing$);' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'table',
        setup(builder) {
          builder.onResolve({ filter: /table\.js$/ }, () => ({ path: 'table.js', namespace: 'table' }));
          builder.onLoad({ filter: /.*/, namespace: 'table' }, () => ({ contents: table, loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('withLiteralSchemaKeys', () => {
  it('writes a key that names a top-level string constant as that string', () => {
    const rewritten = withLiteralSchemaKeys(TABLE);
    expect(rewritten).toContain('{ "http": ["GET", "/thing", 200] }');
    expect(rewritten).toContain('{ "http": ["PUT", "/thing", 200], "httpError": 400 }');
  });

  it('leaves a key alone when it names no such constant', () => {
    expect(withLiteralSchemaKeys(TABLE)).toContain('{ [_other]: 1 }');
  });

  it('lets esbuild leave out the entries nothing uses', async () => {
    expect(await bundledWith(TABLE)).toContain('PutThing');
    const shaken = await bundledWith(withLiteralSchemaKeys(TABLE));
    expect(shaken).toContain('GetThing');
    expect(shaken).not.toContain('PutThing');
  });
});
