// One wording of a refused body, wherever zod checked it: the schema's own sentence when it has one, plain
// words instead of the library's otherwise. Real cases: a list sent instead of an object, a field left out,
// a date in the wrong form, from a bare schema and through the use cases people reach.

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { loadEnv, nonEmpty } from '../../../shared/config/env.ts';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import { plainIssues } from '../../../shared/domain/plain-issues.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import { createIntelligence } from '../../../shared/use-cases/intelligence.ts';
import { PoisonMessageError, readEvent } from '../../../shared/use-cases/queue-messages.ts';
import { refuseInvalid } from '../../../shared/use-cases/refusal.ts';
import { changeRiskOverride } from '../../../shared/use-cases/risk-views.ts';

const schema = z.strictObject({ la: z.string(), observedOn: z.iso.date(), contact: z.email() });
const issuesOf = (body: unknown) => {
  const parsed = schema.safeParse(body);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues;
};
const good = { la: '886', observedOn: '2026-11-23', contact: 'name@kent.gov.uk' };

describe('zod issues in plain words', () => {
  it('a list instead of an object: one sentence saying what to send', () => {
    expect(plainIssues(issuesOf([good]))).toBe(
      'Send a JSON object in braces, { … } with the fields asked for, not a list.',
    );
  });

  it('a missing field, a field of the wrong kind, a field too many', () => {
    expect(plainIssues(issuesOf({ ...good, la: undefined }))).toBe('"la" is missing.');
    expect(plainIssues(issuesOf({ ...good, la: 886 }))).toBe(
      '"la" should be text in double quotes, not a number.',
    );
    expect(plainIssues(issuesOf({ ...good, phone: '0123' }))).toBe(
      'Remove "phone": it is not a field that can be sent here.',
    );
  });

  it('a date or an email address in the wrong form', () => {
    expect(plainIssues(issuesOf({ ...good, observedOn: '23/11/2026' }))).toBe(
      '"observedOn" should be a date written yyyy-mm-dd, like 2026-11-23.',
    );
    expect(plainIssues(issuesOf({ ...good, contact: 'kent' }))).toBe(
      '"contact" should be an email address, like name@council.gov.uk.',
    );
  });

  it('a refusal leads with what did not happen, then each problem once', () => {
    expect(
      refuseInvalid(issuesOf({ ...good, la: undefined, observedOn: 'soon' }), 'Nothing was recorded.'),
    ).toEqual({
      ok: false,
      status: 400,
      message:
        'Nothing was recorded. "la" is missing. "observedOn" should be a date written yyyy-mm-dd, like 2026-11-23.',
    });
  });

  it('an override with a date in the wrong form gets the schema’s own sentence', async () => {
    const kent = COUNCILS.find((council) => council.la === '886')!;
    const result = await changeRiskOverride(
      '886',
      { band: 'red', reason: 'The director left in September and nobody acts up.', expiresOn: '31/03/2027' },
      { roles: [{ kind: 'adviser', region: kent.region } as Role], subject: 'adviser' },
      {
        risk: { setOverride: () => Promise.reject(new Error('not reached')) },
        publishRecompute: () => Promise.reject(new Error('not reached')),
        now: () => new Date('2026-11-23T09:00:00Z'),
      },
    );
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: 'Say until when the override applies, as a date such as 2027-03-31.',
    });
  });

  it('intelligence observed on a date in the wrong form is told that, not that the date is in the future', async () => {
    const kent = COUNCILS.find((council) => council.la === '886')!;
    const unused = () => Promise.reject(new Error('not reached'));
    const result = await createIntelligence(
      {
        la: '886',
        category: 'workforce',
        severity: 'serious',
        confidence: 'confirmed',
        observedOn: 'yesterday',
        summary: 'The director left.',
        source: 'Phone call with the DCS.',
      },
      { roles: [{ kind: 'adviser', region: kent.region } as Role], subject: 'adviser' },
      { store: { get: unused } as never, publish: unused as never, now: new Date('2026-11-23T09:00:00Z') },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('"observedOn" must be a date written yyyy-mm-dd');
    expect(result.ok ? '' : result.message).not.toContain('future');
  });

  it('a poison message and a function’s environment are described in the same words', () => {
    expect(() => readEvent({ version: 1 }, z.object({ la: z.string() }), 'a ReturnIngested event')).toThrow(
      new PoisonMessageError('The message is not a ReturnIngested event: "la" is missing.'),
    );
    expect(() => loadEnv({ TABLE_NAME: nonEmpty }, {})).toThrow(
      'Invalid function environment: "TABLE_NAME" is missing.',
    );
  });
});
