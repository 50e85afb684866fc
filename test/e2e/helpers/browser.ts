// The browser the web tests drive (Debian's chromium through playwright-core), and the accessibility check they
// run on every page state.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './test-cloud.ts';

/** Debian's chromium, or the one CHROMIUM_PATH names. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      'No chromium found: install Debian’s chromium package (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page as it is, one line each. axe-core is evaluated through
 * the browser's debugging protocol, which the page's CSP does not govern, so the app's CSP stays in force.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  });
}
