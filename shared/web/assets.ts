// Web app: the static files its pages link to under /assets/ (GOV.UK Frontend's CSS, JS, fonts and
// images, and the app's own CSS and JS). One list, read by the CDK app (deployed to the assets bucket
// behind CloudFront) and by the local gateway (served from here).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const govukDist = () =>
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
    'dist',
    'govuk',
  );

export interface AssetSources {
  /** Folders whose contents go under /assets/ as they are. */
  readonly directories: readonly string[];
  /** Single files that go directly under /assets/. */
  readonly files: readonly string[];
}

export function webAssetSources(): AssetSources {
  const dist = govukDist();
  return {
    directories: [
      path.join(dist, 'assets'),
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'static'),
    ],
    files: [path.join(dist, 'govuk-frontend.min.css'), path.join(dist, 'govuk-frontend.min.js')],
  };
}

export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** The file for /assets/<relative>, or undefined (never a path outside the sources). */
export function findAsset(relative: string, sources = webAssetSources()): string | undefined {
  const normal = path.posix.normalize(relative);
  if (normal.startsWith('..') || normal.startsWith('/') || normal.includes('\0')) return undefined;
  const direct = sources.files.find((file) => path.basename(file) === normal);
  if (direct) return direct;
  for (const directory of sources.directories) {
    const candidate = path.join(directory, normal);
    if (candidate.startsWith(directory + path.sep) && existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return undefined;
}
