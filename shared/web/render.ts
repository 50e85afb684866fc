// Web app: Nunjucks with GOV.UK Frontend's own templates and macros, and the app's templates beside them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

/**
 * Where the templates are: next to the bundle in a deployed function (copied there at bundling), or in the
 * source tree and node_modules when run from source.
 */
export function templateSearchPaths(bundleDir?: string): string[] {
  if (bundleDir && existsSync(path.join(bundleDir, 'templates'))) {
    return [path.join(bundleDir, 'templates'), path.join(bundleDir, 'govuk-frontend')];
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const govuk = path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json'));
  return [path.join(here, 'templates'), path.join(govuk, 'dist')];
}

export type Renderer = (template: string, context: Record<string, unknown>) => string;

export function createRenderer(searchPaths: readonly string[]): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([...searchPaths]), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('number', (value: unknown, decimals = 0) =>
    typeof value === 'number'
      ? value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      : '–',
  );
  return (template, context) => env.render(template, context);
}
