// Local cloud: the files a distribution serves from a bucket, read straight from the folders a deploy would
// copy into that bucket (see resources/static-files.ts), with their content types.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LocalBucketDeployment, LocalStaticRoute } from './local-model.ts';

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

/** CloudFront's path pattern: `*` any characters (slashes too), `?` one, case-sensitive. */
function patternMatches(pattern: string, pathname: string): boolean {
  const normalised = pattern.startsWith('/') || pattern === '*' ? pattern : `/${pattern}`;
  const source = normalised
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The file a GET of `pathname` returns, or undefined: the first route whose pattern matches gives the bucket,
 * the path is the object key, and a deployment to that bucket whose prefix starts the key holds the file.
 * Never a path outside the deployment's folders.
 */
export function staticFileFinder(
  routes: readonly LocalStaticRoute[],
  deployments: readonly LocalBucketDeployment[],
): (pathname: string) => string | undefined {
  return (pathname) => {
    const route = routes.find((candidate) => patternMatches(candidate.pathPattern, pathname));
    if (!route) return undefined;
    const key = pathname.slice(1);
    for (const deployment of deployments) {
      if (deployment.bucketName !== route.bucketName || !key.startsWith(deployment.keyPrefix)) continue;
      const relative = path.posix.normalize(key.slice(deployment.keyPrefix.length));
      if (relative.startsWith('..') || relative.startsWith('/')) return undefined;
      for (const directory of deployment.directories) {
        const candidate = path.join(directory, relative);
        if (
          candidate.startsWith(directory + path.sep) &&
          existsSync(candidate) &&
          statSync(candidate).isFile()
        ) {
          return candidate;
        }
      }
    }
    return undefined;
  };
}
