// Planted faults: each named fault, planted in an otherwise clean generated return, makes the service's checks
// report the finding it promises (or refuse the file). A fault may bring findings that follow from it (an
// episode after the year also overlaps the next one), but the generated return without it has none.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../../shared/domain/generate/index.ts';
import { generateAndValidate } from './helpers.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--faults', () => {
  it.each(FAULTS.map((fault) => ({ name: fault.name, fault })))(
    '$name',
    async ({ fault }) => {
      const checked = await generateAndValidate(
        {
          returnType: fault.returnType,
          collectionYear: 2026,
          la: '202',
          seed: 9,
          scale: 0.3,
          faults: [fault.name],
        },
        path.join(scratch, fault.name),
      );
      if (fault.expect === 'rejected') {
        expect(checked.status).toBe('rejected');
      } else {
        expect(checked.status).toBe('accepted_with_issues');
        expect([...checked.codes]).toContain(fault.expect);
      }
    },
    30_000,
  );

  it('plants several faults at once', async () => {
    const checked = await generateAndValidate(
      {
        returnType: 'ssda903',
        collectionYear: 2027,
        la: '202',
        seed: 9,
        scale: 0.3,
        faults: ['bad-upn', 'episode-after-year'],
      },
      path.join(scratch, 'several'),
    );
    expect([...checked.codes]).toEqual(expect.arrayContaining(['168', '354']));
  }, 30_000);
});
