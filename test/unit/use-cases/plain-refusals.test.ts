// Every request body a person can get wrong is refused in words a council officer or adviser understands:
// never the validation library's own wording ("Invalid input: expected object, received array").
import { describe, expect, it } from 'vitest';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import { subscribe } from '../../../shared/use-cases/dfe-subscriptions.ts';
import { putAdviser } from '../../../shared/use-cases/directory.ts';
import { createIntelligence } from '../../../shared/use-cases/intelligence.ts';
import { changeRiskOverride } from '../../../shared/use-cases/risk-views.ts';
import { startSubmission } from '../../../shared/use-cases/start-submission.ts';

const RAW_WORDING =
  /expected|received|Invalid input|Invalid option|Too (small|big)|undefined|\bNaN\b|\bnull\b|nonoptional/;
const BODIES: [string, unknown][] = [
  ['a JSON array', []],
  ['an array of objects', [{ returnType: 'ssda903' }]],
  ['a string', 'hello'],
  ['a number', 42],
  ['an empty object', {}],
  ['fields of the wrong type', { returnType: 7, collectionYear: '2026', files: 'all', name: 3, email: [] }],
];
const kent = COUNCILS.find((council) => council.la === '886')!;
const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not used on a refusal')) });

const USE_CASES: [string, (body: unknown) => Promise<{ ok: boolean; status?: number; message?: string }>][] =
  [
    [
      'start a submission',
      (body) =>
        startSubmission(
          body,
          { roles: [{ kind: 'council', la: '886' }], subject: 'officer' },
          {
            submissions: unused as never,
            maxFileBytes: 100 * 1_048_576,
            now: new Date('2026-11-23T09:00:00Z'),
          },
        ),
    ],
    [
      'subscribe to DfE summaries',
      (body) => subscribe(body, { roles: [{ kind: 'dfe' }], subject: 'dfe-analyst' }, unused as never),
    ],
    [
      'save an adviser',
      (body) =>
        putAdviser(
          'south-east-principal',
          body,
          { roles: [{ kind: 'admin' }], subject: 'administrator' } as never,
          { store: unused as never, now: new Date('2026-11-23T09:00:00Z') },
        ),
    ],
    [
      'record intelligence',
      (body) =>
        createIntelligence(
          body,
          { roles: [{ kind: 'adviser', region: kent.region } as Role], subject: 'adviser' },
          { store: unused as never, publish: unused as never, now: new Date('2026-11-23T09:00:00Z') },
        ),
    ],
    [
      'override a band',
      (body) =>
        changeRiskOverride(
          '886',
          body,
          { roles: [{ kind: 'adviser', region: kent.region } as Role], subject: 'adviser' },
          {
            risk: unused as never,
            publishRecompute: unused as never,
            now: () => new Date('2026-11-23T09:00:00Z'),
          },
        ),
    ],
  ];

describe('refusing a body that is not what was asked for', () => {
  for (const [useCase, run] of USE_CASES)
    for (const [label, body] of BODIES)
      it(`${useCase}: ${label} gets a 400 in plain words`, async () => {
        const result = await run(body);
        expect(result.ok).toBe(false);
        expect(result.status).toBe(400);
        expect(result.message!.length).toBeGreaterThan(15);
        expect(result.message).not.toMatch(RAW_WORDING);
      });
});
