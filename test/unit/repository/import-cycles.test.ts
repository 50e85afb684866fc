// No import cycles in the product: a cycle makes module initialisation order matter and hides which module owns
// what. Relative imports and the package's "#…" aliases are followed; type-only imports count too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ALIASES = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).imports as Record<
  string,
  string
>;
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.'))
    return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const [pattern, target] of Object.entries(ALIASES)) {
    const prefix = pattern.replace('*', '');
    if (specifier.startsWith(prefix))
      return path.posix.normalize(target.replace('*', specifier.slice(prefix.length)));
  }
  return undefined;
}

/** Every strongly connected group of more than one module (or a module importing itself). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function productGraph(): Map<string, string[]> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
    cwd: root,
  })
    .toString()
    .split('\n')
    .filter((file) => /^(shared|functions|events|infra)\//.test(file) && !file.endsWith('.d.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => resolveSpecifier(file, match[1] ?? match[2] ?? ''))
      .filter((target): target is string => target !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

describe('imports', () => {
  it('form no cycle anywhere in the product', () => {
    const graph = productGraph();
    expect(graph.size).toBeGreaterThan(200);
    expect(importCycles(graph)).toEqual([]);
  });

  it('reach into the SSDA903 domain only from the SSDA903 return itself', () => {
    // Reading, issues and report cells are shared by every return type (domain/reading/); what stays in
    // ssda903/ is that return's own, used by its definition and its generator alone.
    const inside = 'shared/domain/ssda903/';
    const importers = [...productGraph()]
      .filter(
        ([file, targets]) => !file.startsWith(inside) && targets.some((target) => target.startsWith(inside)),
      )
      .map(([file]) => file)
      .sort();
    expect(importers).toEqual([
      'shared/domain/generate/ssda903-xml.ts',
      'shared/domain/generate/ssda903.ts',
      'shared/use-cases/returns/ssda903.ts',
    ]);
  });

  it('a cycle of two or more modules, or a module importing itself, is found', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});
