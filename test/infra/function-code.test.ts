// Each function deploys its own bundle, built at synth with function-bundling.ts, with the files it reads
// beside it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStageConfig } from '../../infra/config/stage-config.ts';
import { UpstreamFunction } from '../../infra/constructs/upstream-function.ts';

const config = parseStageConfig('dev', { dev: { logLevel: 'DEBUG', removalPolicy: 'destroy' } });

describe('UpstreamFunction code', () => {
  let outdir: string;
  let assetDirs: Record<string, string>;

  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'upstream-function-code-'));
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'Code');
    // The two smallest handlers; one reads files beside its bundle.
    new UpstreamFunction(stack, 'Token', { name: 'machine-token', config });
    new UpstreamFunction(stack, 'Directory', {
      name: 'directory-api',
      config,
      bundledFiles: [{ from: 'shared/reference', to: 'reference', suffix: '.json' }],
    });
    const template = app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
    };
    assetDirs = Object.fromEntries(
      Object.entries(template.Resources)
        .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
        .map(([id, resource]) => [id, path.join(outdir, resource.Metadata?.['aws:asset:path'] ?? '')]),
    );
  }, 120_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  function dirOf(idPrefix: string): string {
    const entry = Object.entries(assetDirs).find(([id]) => id.startsWith(idPrefix));
    if (!entry) throw new Error(`no function ${idPrefix} in ${Object.keys(assetDirs).join(', ')}`);
    return entry[1];
  }

  it('is a bundle of its own handler for each function', () => {
    const token = dirOf('Token');
    const directory = dirOf('Directory');
    expect(token).not.toBe(directory);
    for (const dir of [token, directory]) {
      expect(readFileSync(path.join(dir, 'index.mjs'), 'utf8')).toMatch(
        /sourceMappingURL=index\.mjs\.map\s*$/,
      );
      expect(existsSync(path.join(dir, 'index.mjs.map'))).toBe(true);
    }
  });

  it('carries the files a function reads, and only those', () => {
    expect(readdirSync(path.join(dirOf('Directory'), 'reference'))).toContain('councils.json');
    expect(readdirSync(dirOf('Token')).sort()).toEqual(['index.mjs', 'index.mjs.map']);
  });
});
