import { describe, expect, it } from 'vitest';
import { councilPseudonymKey } from '../../shared/domain/privacy.ts';
import { degradeChild } from '../../shared/domain/ssda903/degrade.ts';
import type { ChildRecord } from '../../shared/domain/ssda903/model.ts';

const key = councilPseudonymKey(Buffer.alloc(32, 1), '886');
const child: ChildRecord = {
  child: '566910',
  rows: {
    Header: [
      {
        table: 'Header',
        rowNumber: 2,
        values: {
          CHILD: '566910',
          SEX: '2',
          DOB: '27/03/2008',
          ETHNIC: 'WROM',
          UPN: 'D051910639385',
          MOTHER: '1',
          MC_DOB: '04/05/2024',
        },
      },
    ],
    Episodes: [
      {
        table: 'Episodes',
        rowNumber: 3,
        values: {
          CHILD: '566910',
          DECOM: '14/08/2017',
          RNE: 'T',
          LS: 'C2',
          CIN: 'N3',
          PLACE: 'A3',
          PLACE_PROVIDER: 'PR3',
          DEC: '',
          REC: 'X1',
          REASON_PLACE_CHANGE: '',
          HOME_POST: 'EG19 7TT',
          PL_POST: 'WV27 9FW',
          URN: '8969628',
          NOTES: 'free text about the child',
        },
      },
    ],
  },
};

describe('SSDA903 degrade', () => {
  const rows = degradeChild(child, key);
  const all = JSON.stringify(rows);

  it('removes the child reference, UPN, full date of birth, mother’s child DOB, full postcodes and unknown columns', () => {
    for (const secret of ['566910', 'D051910639385', '27/03/2008', '04/05/2024', '7TT', '9FW', 'free text'])
      expect(all).not.toContain(secret);
    expect(rows[0]!.values).not.toHaveProperty('UPN');
    expect(rows[1]!.values).not.toHaveProperty('NOTES');
  });

  it('keeps what indicators need: month of birth, outward codes, episode facts and a stable pseudonym', () => {
    expect(rows[0]!.values).toMatchObject({ DOB: '01/03/2008', SEX: '2', ETHNIC: 'WROM' });
    expect(rows[1]!.values).toMatchObject({
      DECOM: '14/08/2017',
      RNE: 'T',
      PLACE: 'A3',
      HOME_POST: 'EG19',
      PL_POST: 'WV27',
      URN: '8969628',
    });
    expect(rows[1]!.values.CHILD).toBe(rows[0]!.values.CHILD);
    expect(rows[0]!.values.CHILD).toMatch(/^[0-9a-f]{32}$/);
  });
});
