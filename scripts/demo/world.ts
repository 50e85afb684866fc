// Demo: the story `npm start` plays at first start. Kent (886) goes through a workforce crisis: each month of the
// demo year so far is uploaded as Kent's in-year return, and the South East adviser records what she hears,
// all through the API as a council and an adviser would. The reviews that follow raise the alert.
import { generateReturn } from '../../shared/domain/generate/index.ts';
import { workforceCrisis } from '../../shared/domain/generate/scenario.ts';
import { loadNationalBaseline } from '../../shared/domain/indicators/reference-data.ts';
import { type SubmissionView, submitReturn } from './submit.ts';

export const SCENARIO_COUNCIL = '886';

/** The months of the collection year that have ended by `now` (at least one, at most twelve). */
export function monthsPlayed(collectionYear: number, now: Date): number {
  const monthsSinceStart = (now.getUTCFullYear() - (collectionYear - 1)) * 12 + now.getUTCMonth() - 3;
  return Math.min(12, Math.max(1, monthsSinceStart));
}

export async function playWorkforceCrisis(
  apiUrl: string,
  tokens: { council: string; adviser: string },
  collectionYear: number,
  log: (line: string) => void,
  now = new Date(),
): Promise<void> {
  const scenario = workforceCrisis(loadNationalBaseline(), SCENARIO_COUNCIL, collectionYear, 1);
  const steps = scenario.steps.slice(0, monthsPlayed(collectionYear, now));
  for (const step of steps) {
    const view = await submitReturn(
      apiUrl,
      tokens.council,
      [{ name: step.upload.name, body: Buffer.from(step.upload.content) }],
      { collectionYear, returnType: 'inyear' },
    );
    for (const item of step.intelligence) {
      const response = await fetch(`${apiUrl}/intelligence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.adviser}`, 'content-type': 'application/json' },
        body: JSON.stringify({ la: SCENARIO_COUNCIL, ...item }),
      });
      if (!response.ok)
        throw new Error(`Recording intelligence failed: ${response.status} ${await response.text()}`);
    }
    log(
      `Kent in-year ${step.month}: ${view.outcome?.status ?? view.status}; ${step.intelligence.length} intelligence item(s).`,
    );
  }
}

/** The generated returns `npm start` sends: valid for the demo year, one council per demo data officer. */
export const DEMO_RETURNS = [
  { user: 'kent-data-officer', la: '886', returnType: 'ssda903', year: 0 },
  { user: 'kent-data-officer', la: '886', returnType: 'csww', year: -1 },
  { user: 'barnet-data-officer', la: '302', returnType: 'ssda903', year: 0 },
  { user: 'barnet-data-officer', la: '302', returnType: 'cin', year: 0 },
] as const;

/**
 * Sends each demo return through the API as the council's data officer. `year` is relative to the demo
 * collection year; the workforce census is numbered by its September (2026 inside the 2026/27 year).
 */
export async function sendGeneratedReturns(
  apiUrl: string,
  tokenFor: (user: string) => Promise<string>,
  collectionYear: number,
  log: (line: string) => void,
): Promise<SubmissionView[]> {
  const views: SubmissionView[] = [];
  for (const demo of DEMO_RETURNS) {
    const year = collectionYear + demo.year;
    const files = generateReturn(
      { returnType: demo.returnType, collectionYear: year, la: demo.la, seed: 1 },
      loadNationalBaseline(),
    );
    const view = await submitReturn(
      apiUrl,
      await tokenFor(demo.user),
      files.map((file) => ({ name: file.name, body: Buffer.from(file.content) })),
      { collectionYear: year, returnType: demo.returnType, timeoutMs: 120_000 },
    );
    log(
      `${demo.la} ${demo.returnType} ${year}: ${view.outcome?.status ?? view.status}. ${view.outcome?.summary ?? ''}`,
    );
    views.push(view);
  }
  return views;
}
