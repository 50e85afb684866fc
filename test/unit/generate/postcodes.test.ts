// Made-up postcodes: shaped like UK postcodes, in the council's area, never a real one.
import { describe, expect, it } from 'vitest';
import { Postcodes } from '../../../shared/domain/generate/postcodes.ts';
import { Random } from '../../../shared/domain/generate/random.ts';

const UK_POSTCODE = /^([A-Z]{1,2})[0-9][A-Z0-9]? [0-9]([A-Z]{2})$/;

describe('Postcodes', () => {
  it('writes homes in the council’s area, shaped like a postcode, with inward letters Royal Mail never uses', () => {
    const postcodes = new Postcodes('886', new Random(5));
    for (let index = 0; index < 500; index += 1) {
      const [, area, inward] = UK_POSTCODE.exec(postcodes.home()) ?? [];
      expect(['CT', 'ME', 'TN']).toContain(area);
      expect(inward).toMatch(/^[CIKMOV]{2}$/);
    }
  });

  it('puts a child placed with parents at home and any other placement somewhere else', () => {
    const postcodes = new Postcodes('202', new Random(9));
    const home = postcodes.home();
    expect(postcodes.placement('P1', home)).toBe(home);
    for (let index = 0; index < 500; index += 1) {
      const placement = postcodes.placement('U1', home);
      expect(placement).toMatch(UK_POSTCODE);
      expect(placement).not.toBe(home);
    }
  });

  it('uses an area of the council’s region for a council without its own list', () => {
    const postcodes = new Postcodes('805', new Random(1));
    expect(postcodes.home()).toMatch(/^(NE|SR|DH|TS|DL)\d/);
  });
});
