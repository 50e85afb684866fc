import { describe, expect, it } from 'vitest';
import { rule392c } from '../../../../shared/domain/ssda903/rules/rule-392c.ts';
import { childWith, episode, flagged } from './helpers.ts';

const posted = (home: string, placement: string) =>
  childWith('C1', { Episodes: [episode({ HOME_POST: home, PL_POST: placement })] });

describe('rule 392c: postcodes written as UK postcodes', () => {
  it('flags each postcode that is not shaped like one', () => {
    expect(flagged(rule392c, posted('invalid', 'AB1 2CD'))).toEqual(['Episodes:2:HOME_POST']);
    expect(flagged(rule392c, posted('AB1', '12345'))).toEqual(['Episodes:2:HOME_POST', 'Episodes:2:PL_POST']);
  });

  it('accepts every outward-code shape, with or without the space, and blanks', () => {
    for (const postcode of ['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'sw1a1aa'])
      expect(flagged(rule392c, posted(postcode, postcode)), postcode).toEqual([]);
    expect(flagged(rule392c, posted('', ''))).toEqual([]);
  });
});
