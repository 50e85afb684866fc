import { describe, expect, it } from 'vitest';
import { rule205C } from '../../../../shared/domain/ssda903/rules/rule-205C.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const uasc = (DUC: string) =>
  childWith('C1', { Header: [header()], UASC: [{ SEX: 'M', DOB: '01/06/2003', DUC }] });

describe('rule 205C: no DUC for a child UASC in neither year', () => {
  it('flags a DUC from before last year began', () => {
    expect(flagged(rule205C, uasc('01/06/2021'), withLastYear([uasc('01/06/2021')]))).toEqual(['UASC:2:DUC']);
  });

  it('accepts a child UASC last year', () => {
    expect(flagged(rule205C, uasc('01/06/2024'), withLastYear([uasc('01/06/2024')]))).toEqual([]);
  });
});
