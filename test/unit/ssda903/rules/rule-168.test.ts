import { describe, expect, it } from 'vitest';
import { rule168 } from '../../../../shared/domain/ssda903/rules/rule-168.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 168: shape of the UPN', () => {
  it('accepts a 13-character UPN, a temporary UPN ending in a letter, and UN1–UN5', () => {
    const child = childWith('C1', {
      Header: [
        header({ UPN: 'A123456789012' }),
        header({ UPN: 'Z12345678901K' }),
        header({ UPN: 'UN3' }),
        header({ UPN: '' }),
      ],
    });
    expect(flagged(rule168, child)).toEqual([]);
  });

  it('flags a UPN starting with I, O or S, the wrong length, or UN6', () => {
    const child = childWith('C1', {
      Header: [header({ UPN: 'I123456789012' }), header({ UPN: 'A12345678901' }), header({ UPN: 'UN6' })],
    });
    expect(flagged(rule168, child)).toEqual(['Header:2:UPN', 'Header:3:UPN', 'Header:4:UPN']);
  });
});
