// Benchmark: the web app's heaviest pages through the local gateway, signed in as a person would be:
// the South East adviser's board (19 councils: risk and intelligence for each) and Kent's page (risk,
// intelligence, 29 indicators with their charts). Sequential requests on loopback; p50 and p95.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { startLocalCloud } from '../../infra/local/local-cloud.ts';
import { COUNCILS } from '../../shared/domain/councils.ts';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Sums a directory's files (templates included), leaving source maps out. */
function treeBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sum + treeBytes(file);
    return entry.endsWith('.map') ? sum : sum + statSync(file).size;
  }, 0);
}

/** The authorization-code flow against the local authorization server, without a browser. */
async function signIn(appUrl: string, username: string): Promise<string> {
  const start = await fetch(`${appUrl}/sign-in`, { redirect: 'manual' });
  const signInCookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
  const authorize = new URL(start.headers.get('location')!);
  const form = new URLSearchParams(authorize.searchParams);
  form.set('username', username);
  const chosen = await fetch(new URL('/oauth2/authorize', authorize), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const back = await fetch(chosen.headers.get('location')!, {
    headers: { cookie: signInCookie },
    redirect: 'manual',
  });
  const session = back.headers.getSetCookie().find((cookie) => cookie.startsWith('upstream-session='));
  if (!session) throw new Error(`Sign-in failed: ${back.status}`);
  return session.split(';')[0]!;
}

export async function benchWebPages(root: string, requests = 50): Promise<Record<string, unknown>> {
  const assemblyDir = path.join(root, 'cdk.out');
  ensureAssembly(root, assemblyDir, () => {});
  const cloud = await startLocalCloud({
    assemblyDir,
    ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
    log: () => {},
    pollWaitSeconds: 1,
  });
  try {
    const web = cloud.model.functions.find((fn) => fn.displayName === 'web')!;
    const bundleDir = path.dirname(web.entryFile);
    const bundle = {
      bytes: treeBytes(bundleDir),
      codeBytes: statSync(web.entryFile).size,
      codeGzipBytes: gzipSync(readFileSync(web.entryFile)).length,
    };

    // Every South East council assessed, as after the daily review.
    const review = cloud.wiring().schedules.find((schedule) => /RiskReview/.test(schedule.id))!;
    await cloud.triggerSchedule(review.id);
    const admin = await cloud.tokenFor('administrator');
    const southEast = COUNCILS.filter((council) => council.region === 'south-east');
    const deadline = Date.now() + 300_000;
    for (;;) {
      const statuses = await Promise.all(
        southEast.map(async (council) => {
          const response = await fetch(`${cloud.urls.api}/risk/councils/${council.la}`, {
            headers: { authorization: `Bearer ${admin}` },
          });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      if (statuses.every((status) => status === 200)) break;
      if (Date.now() > deadline) throw new Error('The South East councils were not all assessed in time.');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }

    const appUrl = cloud.urls.app.replace(/\/$/, '');
    const cookie = await signIn(appUrl, 'south-east-adviser');
    const time = async (pathname: string) => {
      const timings: number[] = [];
      let bytes = 0;
      for (let index = 0; index < requests + 3; index += 1) {
        const started = performance.now();
        const response = await fetch(`${appUrl}${pathname}`, { headers: { cookie }, redirect: 'manual' });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}`);
        // The first three warm the functions up (cold starts are not what this measures).
        if (index >= 3) timings.push(performance.now() - started);
        bytes = body.byteLength;
      }
      timings.sort((a, b) => a - b);
      return {
        requests,
        p50Ms: Math.round(percentile(timings, 50)),
        p95Ms: Math.round(percentile(timings, 95)),
        maxMs: Math.round(timings.at(-1)!),
        htmlBytes: bytes,
      };
    };
    return {
      webBundle: bundle,
      adviserBoard: await time('/'),
      councilPage: await time('/councils/886'),
    };
  } finally {
    await cloud.stop();
  }
}
