// Web app: the static files its pages link to under /assets/ (GOV.UK Frontend's CSS, JS, fonts and
// images, and the app's own CSS and JS). One list, read by the CDK app: deployed to the assets bucket
// behind CloudFront, and served locally from the folders the synth stages for that deployment.
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
