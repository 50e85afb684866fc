import { describe, expect, it } from 'vitest';
import { remembered } from '../../../shared/domain/remembered.ts';

describe('remembered', () => {
  it('works each text out once, null results included, and gives what the function gives', () => {
    const seen: string[] = [];
    const lengthOrNull = remembered((text: string) => {
      seen.push(text);
      return text === '' ? null : text.length;
    });
    expect(['ab', '', 'ab', 'abc', '', 'ab'].map(lengthOrNull)).toEqual([2, null, 2, 3, null, 2]);
    expect(seen).toEqual(['ab', '', 'abc']);
  });

  it('forgets everything past its bound, so it never holds more than the bound', () => {
    const seen: string[] = [];
    const upper = remembered((text: string) => {
      seen.push(text);
      return text.toUpperCase();
    }, 2);
    for (const text of ['a', 'b', 'a', 'c', 'a', 'b']) expect(upper(text)).toBe(text.toUpperCase());
    // 'c' found the table full (a, b) and emptied it: 'a' and 'b' were worked out again after it.
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('remembers by number as well as by text (days), keeping the two apart', () => {
    const seen: Array<string | number> = [];
    const described = remembered((key: string | number) => {
      seen.push(key);
      return `${typeof key} ${key}`;
    });
    expect([20_000, '20000', 20_000, '20000'].map(described)).toEqual([
      'number 20000',
      'string 20000',
      'number 20000',
      'string 20000',
    ]);
    expect(seen).toEqual([20_000, '20000']);
  });
});
