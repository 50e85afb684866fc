// Every function's bundle, built with the function construct's options, stays under the size past which its
// cold start is felt. A new dependency or a return type's reader that pushes one over fails here, naming
// what the bundle is made of.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES, withLiteralSchemaKeys } from '../../infra/constructs/function-bundling.ts';
import {
  buildFunctionBundle,
  type FunctionBundle,
  functionNames,
} from '../../scripts/bench/bundles-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('function bundles', () => {
  let bundles: FunctionBundle[];

  beforeAll(async () => {
    const names = functionNames(root);
    expect(names).toContain('ingest-return');
    bundles = await Promise.all(names.map((name) => buildFunctionBundle(root, name)));
  }, 120_000);

  it(`each stays under ${MAX_BUNDLE_BYTES / 1_000_000} MB`, () => {
    const over = bundles
      .filter((bundle) => bundle.bytes >= MAX_BUNDLE_BYTES)
      .map(
        (bundle) =>
          `${bundle.name} is ${bundle.bytes} bytes; its largest parts: ${bundle.parts
            .slice(0, 8)
            .map(({ part, bytes }) => `${part} ${Math.round(bytes / 1000)} KB`)
            .join(', ')}`,
      );
    expect(over).toEqual([]);
  });

  it('carry neither the X-Ray SDK nor the credential providers Lambda never reaches', () => {
    // Lambda traces invocations itself and gives every function its credentials (docs/adr/0010).
    const unwanted =
      /^(aws-xray-sdk-core|@aws-lambda-powertools\/tracer|@aws-sdk\/credential-provider-(ini|sso))$/;
    const found = bundles.flatMap((bundle) =>
      bundle.parts.filter(({ part }) => unwanted.test(part)).map(({ part }) => `${bundle.name}: ${part}`),
    );
    expect(found).toEqual([]);
  });

  it("have every AWS SDK client's table of operations rewritten, so the unused ones are left out", () => {
    // Should an SDK release write its tables another way, the rewrite would quietly stop working and
    // every bundle would grow by the operations it never sends (docs/adr/0010).
    const sdk = path.join(root, 'node_modules', '@aws-sdk');
    const tables = readdirSync(sdk)
      .filter((name) => name.startsWith('client-'))
      .flatMap((client) => {
        const dir = path.join(sdk, client, 'dist-es', 'schemas');
        return readdirSync(dir)
          .filter((file) => /^schemas_\d+\.js$/.test(file))
          .map((file) => path.join(dir, file));
      });
    expect(tables.length).toBeGreaterThan(0);
    const computedKeysLeft = tables.filter((table) =>
      /[{,]\s*\[_\w+\]:/.test(withLiteralSchemaKeys(readFileSync(table, 'utf8'))),
    );
    expect(computedKeysLeft).toEqual([]);
  });
});
