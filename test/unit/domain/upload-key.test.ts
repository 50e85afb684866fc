import { describe, expect, it } from 'vitest';
import { parseUploadKey } from '../../../shared/domain/upload-key.ts';

const now = new Date('2026-11-23T00:00:00Z');

describe('upload key convention', () => {
  it('reads council, return, year, submission and file from a valid key', () => {
    expect(parseUploadKey('uploads/886/ssda903/2026/SUB-20261123-01/Episodes 2026.csv', now)).toEqual({
      ok: true,
      key: {
        la: '886',
        returnType: 'ssda903',
        collectionYear: 2026,
        submissionId: 'SUB-20261123-01',
        fileName: 'Episodes 2026.csv',
      },
    });
  });

  it.each([
    ['reports/886/ssda903/2026/SUB-20261123-01/a.csv', /not a place returns are accepted/],
    ['uploads/886/ssda903/2026/a.csv', /not a place returns are accepted/],
    ['uploads/886/ssda903/2026/SUB-20261123-01/nested/a.csv', /not a place returns are accepted/],
    ['uploads/999/ssda903/2026/SUB-20261123-01/a.csv', /"999" is not the number of an English council/],
    ['uploads/886/payroll/2026/SUB-20261123-01/a.csv', /"payroll" is not a return we accept/],
    ['uploads/886/ssda903/2031/SUB-20261123-01/a.csv', /The 2031 collection year has not started yet/],
    ['uploads/886/ssda903/26/SUB-20261123-01/a.csv', /"26" is not a collection year/],
    ['uploads/886/ssda903/2026/x/a.csv', /not a valid submission reference/],
    ['uploads/886/ssda903/2026/SUB-20261123-01/.hidden', /no name/],
  ])('refuses %s with a reason a data officer understands', (key, reason) => {
    const result = parseUploadKey(key, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
