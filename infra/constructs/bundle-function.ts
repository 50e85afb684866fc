// Writes one function's bundle: `node --import tsx infra/constructs/bundle-function.ts <name> <outdir>`.
// The function construct runs it at synth in a child process, because esbuild runs plugins only in its
// asynchronous API and CDK's local bundling is synchronous.
import { fileURLToPath } from 'node:url';
import { bundleFunction } from './function-bundling.ts';

const [name, outdir] = process.argv.slice(2);
if (!name || !outdir) {
  process.stderr.write('Usage: bundle-function.ts <function name> <output folder>\n');
  process.exit(2);
}
await bundleFunction(fileURLToPath(new URL('../../', import.meta.url)), name, outdir);
