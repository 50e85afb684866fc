// Load through the local cloud, small enough for CI: councils send returns (some with corrections straight
// after) while advisers record intelligence items, all at once. Nothing is lost or applied twice, and each
// council's corrections and intelligence end in the order they were sent. `npm run bench load` is the full run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { runLoad } from '../../scripts/bench/load.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

describe('load through the local cloud', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('loses nothing, duplicates nothing and keeps each council’s order', async () => {
    const result = await runLoad(cloud, {
      councils: 6,
      correctionsEvery: 3,
      intelligenceItems: 36,
      scale: 0.02,
      clientConcurrency: 6,
      timeoutMs: 90_000,
    });
    expect(result.returns).toHaveLength(6 + 2 * 2);
    expect(result.items).toHaveLength(36);
    expect(result.violations).toEqual([]);
  }, 110_000);
});
