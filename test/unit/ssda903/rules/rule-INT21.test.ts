import { describe, expect, it } from 'vitest';
import { ruleINT21 } from '../../../../shared/domain/ssda903/rules/rule-INT21.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT21: sex in UASC matches Header', () => {
  it('accepts the same sex, including 1 in UASC against M in Header', () => {
    expect(
      flagged(ruleINT21, childWith('C1', { Header: [header({ SEX: '2' })], UASC: [{ SEX: '2' }] })),
    ).toEqual([]);
    expect(
      flagged(ruleINT21, childWith('C1', { Header: [header({ SEX: 'M' })], UASC: [{ SEX: '1' }] })),
    ).toEqual([]);
  });

  it('flags a different sex', () => {
    expect(
      flagged(ruleINT21, childWith('C1', { Header: [header({ SEX: 'F' })], UASC: [{ SEX: '1' }] })),
    ).toEqual(['UASC:2:SEX']);
  });
});
