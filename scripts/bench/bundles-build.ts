// Builds each function's bundle in memory with the function construct's own esbuild options
// (infra/constructs/function-bundling.ts), as `cdk synth` does but in seconds: for the bundle-size test and
// the benchmark's account of what each bundle is made of.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionBuildOptions } from '../../infra/constructs/function-bundling.ts';

export interface FunctionBundle {
  readonly name: string;
  /** The size of index.mjs, the file Lambda loads (its source map aside). */
  readonly bytes: number;
  /** What the bundle is made of, largest first: a package under node_modules, or a folder of the repository. */
  readonly parts: readonly { readonly part: string; readonly bytes: number }[];
}

/** The functions the stacks deploy: each folder under functions/ with a handler.ts. */
export function functionNames(root: string): string[] {
  return readdirSync(path.join(root, 'functions'), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(root, 'functions', entry.name, 'handler.ts')),
    )
    .map((entry) => entry.name)
    .sort();
}

/** A bundled file's part: `zod`, `@aws-sdk/client-s3`, or the repository folder it sits in (`shared/domain/ssda903`). */
function partOf(input: string): string {
  const packagePath = input.split('node_modules/').at(-1) ?? input;
  if (packagePath !== input) {
    const [scopeOrName, name] = packagePath.split('/');
    return scopeOrName?.startsWith('@') ? `${scopeOrName}/${name}` : (scopeOrName ?? input);
  }
  return path.posix.dirname(input).split('/').slice(0, 3).join('/');
}

function partsOf(metafile: Metafile): FunctionBundle['parts'] {
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint);
  const bytesByPart = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const part = partOf(input);
    bytesByPart.set(part, (bytesByPart.get(part) ?? 0) + bytesInOutput);
  }
  return [...bytesByPart].sort((a, b) => b[1] - a[1]).map(([part, bytes]) => ({ part, bytes }));
}

/** One function's bundle as deployed, built in memory (nothing is written). */
export async function buildFunctionBundle(root: string, name: string): Promise<FunctionBundle> {
  const result = await build({
    ...functionBuildOptions(root, name, path.join('bundle', name)),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('index.mjs'));
  if (!code) throw new Error(`esbuild wrote no index.mjs for ${name}`);
  return { name, bytes: code.contents.byteLength, parts: partsOf(result.metafile) };
}
