import { describe, expect, it } from 'vitest';
import { rule204 } from '../../../../shared/domain/ssda903/rules/rule-204.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 204: ethnic origin is the same as last year', () => {
  it('flags a different ethnic origin', () => {
    const child = childWith('C1', { Header: [header({ ETHNIC: 'WBRI' })] });
    const last = childWith('C1', { Header: [header({ ETHNIC: 'MWBC' })] });
    expect(flagged(rule204, child, withLastYear([last]))).toEqual(['Header:2:ETHNIC']);
  });

  it('accepts the same code', () => {
    const child = childWith('C1', { Header: [header({ ETHNIC: 'WBRI' })] });
    expect(flagged(rule204, child, withLastYear([child]))).toEqual([]);
  });
});
