import { describe, expect, it } from 'vitest';
import { isUkPostcode, rule392c } from '../../../../shared/domain/ssda903/rules/rule-392c.ts';
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

  it('judges the shape of a postcode as the regular expression of its definition does, on any text', () => {
    const definition = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
    const letters = ['A', 'a', 'Q', 'z', 'Z', 'm'];
    const digits = ['0', '1', '9'];
    const others = [' ', '-', 'é', '@', '[', '`', '/', ':', '\t'];
    const characters = [...letters, ...digits, ...others];
    let seed = 3;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(seed / 65_536) % below;
    };
    const pick = (from: readonly string[]) => from[next(from.length)]!;
    for (let round = 0; round < 50_000; round++) {
      // A postcode of some shape, then a character or two changed, left out or put in.
      let text = '';
      for (let at = next(3); at > 0; at--) text += pick(letters);
      for (let at = next(3); at > 0; at--) text += pick(next(2) === 0 ? letters : digits);
      if (next(2) === 0) text += ' ';
      text += pick(digits) + pick(letters) + pick(letters);
      for (let change = next(3); change > 0; change--) {
        const at = next(text.length + 1);
        const kind = next(3);
        text =
          text.slice(0, at) + (kind === 1 ? '' : pick(characters)) + text.slice(kind === 2 ? at : at + 1);
      }
      expect(isUkPostcode(text), text).toBe(definition.test(text));
    }
    for (const postcode of ['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'sw1a1aa'])
      expect(isUkPostcode(postcode), postcode).toBe(true);
  });
});
