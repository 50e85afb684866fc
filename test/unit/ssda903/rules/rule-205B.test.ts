import { describe, expect, it } from 'vitest';
import { rule205B } from '../../../../shared/domain/ssda903/rules/rule-205B.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const uasc = (DUC: string) =>
  childWith('C1', { Header: [header()], UASC: [{ SEX: 'M', DOB: '01/06/2007', DUC }] });

describe('rule 205B: UASC in both years keeps the same DUC', () => {
  it('flags a DUC that differs from, or drops, last year’s', () => {
    expect(flagged(rule205B, uasc('01/06/2025'), withLastYear([uasc('02/06/2025')]))).toEqual(['UASC:2:DUC']);
    expect(flagged(rule205B, uasc(''), withLastYear([uasc('02/06/2025')]))).toEqual(['UASC:2:DUC']);
  });

  it('accepts the same DUC, and a DUC first given this year', () => {
    expect(flagged(rule205B, uasc('01/06/2025'), withLastYear([uasc('01/06/2025')]))).toEqual([]);
    expect(flagged(rule205B, uasc('01/06/2025'), withLastYear([uasc('')]))).toEqual([]);
  });
});
