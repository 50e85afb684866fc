// One rule decides which collection years each return type is accepted for, and the API applies it before
// anything is uploaded: a CIN census year without bank holidays is refused at POST /submissions.
import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_YEARS } from '../../../shared/domain/cin/working-days.ts';
import { acceptedYears, yearRefusal } from '../../../shared/domain/returns/catalogue.ts';
import { parseUploadKey } from '../../../shared/domain/upload-key.ts';
import { startSubmissionSchema } from '../../../shared/use-cases/start-submission.ts';

const farAhead = new Date(Date.UTC(BANK_HOLIDAY_YEARS.last + 5, 5, 1));
const request = (returnType: string, collectionYear: number) => ({
  returnType,
  collectionYear,
  files: [{ name: 'census.xml', size: 1000, sha256: 'a'.repeat(64) }],
});

describe('accepted collection years', () => {
  it('stops CIN census years at the last year with bank holidays, other returns at the year under way', () => {
    expect(acceptedYears('cin', farAhead).last).toBe(BANK_HOLIDAY_YEARS.last);
    expect(acceptedYears('ssda903', farAhead).last).toBe(BANK_HOLIDAY_YEARS.last + 6);
    expect(yearRefusal('cin', BANK_HOLIDAY_YEARS.last + 1, farAhead)).toMatch(
      /CIN census returns are accepted for/,
    );
    expect(yearRefusal('csww', BANK_HOLIDAY_YEARS.last + 1, farAhead)).toBeUndefined();
    expect(yearRefusal('ssda903', 2012, farAhead)).toBe(
      `SSDA903 returns are accepted for the collection years 2013 to ${BANK_HOLIDAY_YEARS.last + 6}; 2012 is outside them.`,
    );
  });

  it('is applied when a submission starts, before any file is uploaded', () => {
    const schema = startSubmissionSchema(100 * 1_048_576, farAhead);
    const refused = schema.safeParse(request('cin', BANK_HOLIDAY_YEARS.last + 1));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/CIN census returns are accepted for the census years/),
    );
    expect(schema.safeParse(request('cin', BANK_HOLIDAY_YEARS.last)).success).toBe(true);
  });

  it('is the same rule for an upload key', () => {
    const key = `uploads/886/cin/${BANK_HOLIDAY_YEARS.last + 1}/SUB-20261123-01/census.xml`;
    expect(parseUploadKey(key, farAhead)).toEqual({
      ok: false,
      reason: yearRefusal('cin', BANK_HOLIDAY_YEARS.last + 1, farAhead),
    });
  });
});
