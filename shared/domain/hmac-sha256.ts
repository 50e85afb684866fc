// Domain: HMAC-SHA256 (RFC 2104 over FIPS 180-4) for the pseudonym of every child of a return.
//
// node:crypto's createHmac costs some 3 µs a call, nearly all of it in making the Hmac object and
// hashing the padded key again; a copy of a prepared hash or the one-shot crypto.hash costs as much.
// Here the padded key is hashed once per key (the inner and outer states), so a short reference takes
// two compressions of one block each, done in 32-bit integer arithmetic. Pinned equal to createHmac
// on random keys and inputs (test/unit/domain/hmac-sha256.test.ts).
import { createHash } from 'node:crypto';

const BLOCK_BYTES = 64;
const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
// biome-ignore format: the 64 round constants, eight a line
const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The message schedule, shared: every call runs to completion before the next. */
const schedule = new Int32Array(64);

/** Folds the 16 big-endian words at the start of `schedule` into `state`. */
function compress(state: Int32Array): void {
  const w = schedule;
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    // Each sum cut back to 32 bits as it goes, so the engine stays in integer arithmetic.
    w[t] = (((w[t - 16]! + s0) | 0) + ((w[t - 7]! + s1) | 0)) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choice = (e & f) ^ (~e & g);
    const t1 = (((((h + sum1) | 0) + choice) | 0) + ((ROUND_CONSTANTS[t]! + w[t]!) | 0)) | 0;
    const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (sum0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** Loads the 64 bytes from `offset` into the first 16 words of the schedule, big-endian. */
function loadBlock(bytes: Uint8Array, offset: number): void {
  for (let word = 0; word < 16; word++) {
    const at = offset + word * 4;
    schedule[word] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  }
}

/** The state after hashing one 64-byte block of the key XORed with `pad` (RFC 2104's ipad or opad). */
function paddedKeyState(key: Uint8Array, pad: number): Int32Array {
  const block = new Uint8Array(BLOCK_BYTES).fill(pad);
  for (let index = 0; index < key.length; index++) block[index] = key[index]! ^ pad;
  const state = Int32Array.from(INITIAL_STATE);
  loadBlock(block, 0);
  compress(state);
  return state;
}

// Number's toString(16) takes longer than both compressions together: a byte's two digits are looked up.
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hexOfWord = (word: number): string =>
  HEX_OF_BYTE[word >>> 24]! +
  HEX_OF_BYTE[(word >>> 16) & 0xff]! +
  HEX_OF_BYTE[(word >>> 8) & 0xff]! +
  HEX_OF_BYTE[word & 0xff]!;

/** HMAC-SHA256 under one key, its padded key hashed once. */
export class HmacSha256 {
  private readonly innerStart: Int32Array;
  private readonly outerStart: Int32Array;
  private readonly state = new Int32Array(8);
  /** The message and its padding; grows for a longer message. */
  private message = new Uint8Array(4 * BLOCK_BYTES);

  constructor(key: Uint8Array) {
    // RFC 2104: a key longer than a block is hashed first.
    const blockKey = key.length > BLOCK_BYTES ? createHash('sha256').update(key).digest() : key;
    this.innerStart = paddedKeyState(blockKey, 0x36);
    this.outerStart = paddedKeyState(blockKey, 0x5c);
  }

  /** The first 16 bytes of HMAC-SHA256(key, the UTF-8 of `text`), as 32 lowercase hex digits. */
  hex128(text: string): string {
    const length = this.encode(text);
    // The inner hash: after the key's block, the message, 0x80, zeros and the bit length of both.
    const blocks = Math.ceil((length + 9) / BLOCK_BYTES);
    const padded = blocks * BLOCK_BYTES;
    const message = this.message;
    message[length] = 0x80;
    message.fill(0, length + 1, padded - 8);
    const bits = (BLOCK_BYTES + length) * 8;
    const high = Math.floor(bits / 2 ** 32);
    const low = bits >>> 0;
    message[padded - 8] = high >>> 24;
    message[padded - 7] = high >>> 16;
    message[padded - 6] = high >>> 8;
    message[padded - 5] = high;
    message[padded - 4] = low >>> 24;
    message[padded - 3] = low >>> 16;
    message[padded - 2] = low >>> 8;
    message[padded - 1] = low;
    const state = this.state;
    state.set(this.innerStart);
    for (let block = 0; block < blocks; block++) {
      loadBlock(message, block * BLOCK_BYTES);
      compress(state);
    }
    // The outer hash: after the key's other block, the 32-byte inner digest in one padded block.
    for (let word = 0; word < 8; word++) schedule[word] = state[word]!;
    schedule[8] = 0x80000000 | 0;
    schedule.fill(0, 9, 15);
    schedule[15] = (BLOCK_BYTES + 32) * 8;
    state.set(this.outerStart);
    compress(state);
    return hexOfWord(state[0]!) + hexOfWord(state[1]!) + hexOfWord(state[2]!) + hexOfWord(state[3]!);
  }

  /** Writes the UTF-8 of `text` at the start of the message buffer (room left for padding); its length. */
  private encode(text: string): number {
    const count = text.length;
    if (count + 9 <= this.message.length) {
      // References are nearly always ASCII: one byte a character, no encoder call.
      let index = 0;
      for (; index < count; index++) {
        const code = text.charCodeAt(index);
        if (code >= 0x80) break;
        this.message[index] = code;
      }
      if (index === count) return count;
    }
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length + 9 > this.message.length) {
      this.message = new Uint8Array(Math.ceil((bytes.length + 9) / BLOCK_BYTES) * BLOCK_BYTES);
    }
    this.message.set(bytes);
    return bytes.length;
  }
}
