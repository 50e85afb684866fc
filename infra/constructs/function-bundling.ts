// Infra: how every function's handler is bundled, in one place. The function construct deploys what
// `bundleFunction` writes; the bundle-size test and `npm run bench bundles` build with the same options in
// memory, so what they measure is what Lambda loads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';

/** Bundles grow with every rule and return type; past this their cold starts are felt (docs/operations.md). */
export const MAX_BUNDLE_BYTES = 1_000_000;

// ESM bundles have no `require`; some CommonJS dependencies still call it for Node built-ins.
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * The AWS SDK's default credential chain imports these only when a function has no credentials in its
 * environment, which Lambda always sets (and the local cloud too). Left out, they are about 110 KB less in
 * every bundle; were one ever reached, the chain would stop with an error naming the missing module.
 */
const CREDENTIAL_PROVIDERS_LAMBDA_NEVER_REACHES = [
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@smithy/credential-provider-imds',
];

/** An AWS SDK client's generated table of shapes: one entry for every operation of the service. */
const SDK_SCHEMA_TABLE = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/**
 * The same table with its object keys written as the strings they are. The SDK writes `{ [_h]: [...] }`
 * with `const _h = "http"` at the top of the file; esbuild treats a computed key as possible side effects,
 * so it kept every operation's entry (and every shape it names) although a function sends only a few.
 * With literal keys an unused entry is dead code and is left out: 55 KB less in ingest-return, up to
 * 100 KB in others (docs/adr/0010). Only keys that name one of the file's own top-level string constants
 * are rewritten; the table's values are unchanged.
 */
export function withLiteralSchemaKeys(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)) {
    if (name && value) strings.set(name, value);
  }
  return source.replace(/([{,]\s*)\[(_\w+)\]:/g, (whole, before: string, name: string) => {
    const value = strings.get(name);
    return value === undefined ? whole : `${before}${value}:`;
  });
}

const literalSchemaKeys: Plugin = {
  name: 'literal-sdk-schema-keys',
  setup(builder) {
    builder.onLoad({ filter: SDK_SCHEMA_TABLE }, async (args) => ({
      contents: withLiteralSchemaKeys(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/** The esbuild options one function's bundle is built with, as `functions/<name>/index.mjs` under outdir. */
export function functionBuildOptions(root: string, name: string, outdir: string) {
  return {
    absWorkingDir: root,
    entryPoints: [path.join('functions', name, 'handler.ts')],
    outfile: path.join(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    // Stack traces need the mappings (NODE_OPTIONS=--enable-source-maps), not a second copy of every source.
    sourcemap: true,
    sourcesContent: false,
    banner: { js: ESM_REQUIRE_BANNER },
    mainFields: ['module', 'main'],
    // The rest of the AWS SDK is bundled rather than taken from the runtime's copy: the version we test is
    // the version we run, and the runtime's copy changes when AWS updates it (docs/adr/0010).
    external: CREDENTIAL_PROVIDERS_LAMBDA_NEVER_REACHES,
    plugins: [literalSchemaKeys],
    logLevel: 'warning',
  } satisfies BuildOptions;
}

/** Writes one function's index.mjs and index.mjs.map into outdir: what the function construct deploys. */
export async function bundleFunction(root: string, name: string, outdir: string): Promise<void> {
  await build(functionBuildOptions(root, name, outdir));
}
