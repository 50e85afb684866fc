import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from '../../../shared/domain/hmac-sha256.ts';
import { councilPseudonymKey, pseudonymiseChild } from '../../../shared/domain/privacy.ts';

const reference = (key: Uint8Array, text: string): string =>
  createHmac('sha256', key).update(text).digest('hex').slice(0, 32);

// A deterministic generator, so a failure can be replayed.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// ASCII, accented letters, CJK, an emoji (a surrogate pair), a lone surrogate, a space, a tab and a NUL.
const ALPHABET = ['a', 'Z', '7', '-', ' ', '\t', '\0', 'é', 'ß', '中', '😀', '\ud800', '\u0080', '\u07ff'];

function randomText(random: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) {
    text +=
      random() < 0.8
        ? String.fromCharCode(32 + Math.floor(random() * 95))
        : ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  }
  return text;
}

describe('HMAC-SHA256 from prepared key states', () => {
  it('equals createHmac on random keys and inputs of every length around the block edges', () => {
    const random = generator(2104);
    for (let round = 0; round < 400; round++) {
      // Keys from empty to longer than a block (hashed first), inputs across one, two and three blocks.
      const key = randomBytes(round % 5 === 0 ? 65 + Math.floor(random() * 100) : Math.floor(random() * 65));
      const hmac = new HmacSha256(key);
      for (let text = 0; text < 5; text++) {
        const input = randomText(random, Math.floor(random() * 200));
        expect(hmac.hex128(input), JSON.stringify({ key: key.toString('hex'), input })).toBe(
          reference(key, input),
        );
      }
    }
  });

  it('equals createHmac at every message length up to four blocks, and after a much longer one', () => {
    const key = randomBytes(32);
    const hmac = new HmacSha256(key);
    for (let length = 0; length <= 260; length++) {
      const input = 'x'.repeat(length);
      expect(hmac.hex128(input), `length ${length}`).toBe(reference(key, input));
    }
    const long = randomText(generator(7), 5000);
    expect(hmac.hex128(long)).toBe(reference(key, long));
    expect(hmac.hex128('C1')).toBe(reference(key, 'C1'));
    expect(hmac.hex128('é'.repeat(200))).toBe(reference(key, 'é'.repeat(200)));
  });
});

describe('pseudonymiseChild', () => {
  it('is the HMAC of the trimmed reference under the council key, for any key it is given', () => {
    const random = generator(903);
    const keys = [
      councilPseudonymKey(Buffer.alloc(32, 7), '886'),
      councilPseudonymKey(Buffer.alloc(32, 7), '302'),
      randomBytes(32),
    ];
    for (let round = 0; round < 300; round++) {
      const key = keys[round % keys.length]!;
      const core = randomText(random, 1 + Math.floor(random() * 20)).trim() || 'C';
      const padded = `${' '.repeat(round % 3)}${core}${'\t'.repeat(round % 2)}`;
      expect(pseudonymiseChild(padded, key)).toBe(reference(key, core));
    }
  });

  it('follows a key whose bytes change, rather than remembering the old ones', () => {
    const key = Buffer.alloc(32, 1);
    const before = pseudonymiseChild('566910', key);
    key[31] = 2;
    expect(pseudonymiseChild('566910', key)).toBe(reference(key, '566910'));
    expect(pseudonymiseChild('566910', key)).not.toBe(before);
  });
});
