// Infra: how every function's handler is bundled, in one place. The function construct deploys with these
// options; the bundle-size test and `npm run bench bundles` build with them too, so what they measure is what
// Lambda loads.

/**
 * Bundles grow with every rule and return type; past this their cold starts are felt (docs/operations.md).
 * Raised from 1 MB to 1.05 MB when the SSDA903 fast path took ingest-return to 1.0007 MB (docs/adr/0010).
 */
export const MAX_BUNDLE_BYTES = 1_050_000;

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

export const FUNCTION_BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings, not a second copy of every source file.
  sourcesContent: false,
  banner: ESM_REQUIRE_BANNER,
  mainFields: ['module', 'main'],
  // The rest of the AWS SDK is bundled rather than taken from the runtime's copy: the version we test is
  // the version we run, and the runtime's copy changes when AWS updates it (docs/adr/0010).
  externalModules: CREDENTIAL_PROVIDERS_LAMBDA_NEVER_REACHES,
} as const;
