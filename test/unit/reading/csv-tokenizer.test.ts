// The byte-level tokenizer reads any well-formed CSV as csv-parse does (the parser it replaced), however
// the bytes are cut into chunks, and names the line of a misplaced quote as a spreadsheet counts lines.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, ESCAPED } from '#domain/reading/csv-tokenizer';

function tokenize(bytes: Buffer, chunkSizes: readonly number[], spacesAroundQuotes = false): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(
    (record) => {
      const fields: string[] = [];
      for (let index = 0; index < record.fieldCount; index++) {
        const text = record.bytes.toString('utf8', record.starts[index]!, record.ends[index]!);
        fields.push(record.flags[index]! & ESCAPED ? text.replaceAll('""', '"') : text);
      }
      records.push(fields);
    },
    1 << 20,
    spacesAroundQuotes,
  );
  let at = 0;
  for (let index = 0; at < bytes.length; index++) {
    const size = chunkSizes.length === 0 ? bytes.length : chunkSizes[index % chunkSizes.length]!;
    tokenizer.push(bytes.subarray(at, at + size));
    at += size;
  }
  tokenizer.finish();
  return records;
}

// Values with commas, quotes, line breaks, spaces and accented letters; quoted when they need it.
const value = fc
  .array(fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', 'é', '€', '😀', '/'), { maxLength: 6 })
  .map((parts) => parts.join(''));
const encode = (text: string, quoteAnyway: boolean): string =>
  quoteAnyway || /[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;

/** Records of one to five values, each written quoted or not. */
const records = fc.array(fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 8,
});

describe('CsvTokenizer', () => {
  it('reads well-formed CSV as csv-parse does, whatever the chunks', () => {
    fc.assert(
      fc.property(
        records,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 4 }),
        (rows, ending, finalEnding, chunkSizes) => {
          const text =
            rows.map((row) => row.map(([field, quote]) => encode(field, quote)).join(',')).join(ending) +
            (finalEnding ? ending : '');
          const expected = parse(text, { skip_empty_lines: true, relax_column_count: true }) as string[][];
          expect(tokenize(Buffer.from(text, 'utf8'), chunkSizes)).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 903 },
    );
  });

  it('gives each record the line it starts on, and marks only its quoted values, whatever the chunks', () => {
    fc.assert(
      fc.property(
        records,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 4 }),
        (rows, ending, chunkSizes) => {
          const expected: { line: number; quoted: boolean[] }[] = [];
          let line = 1;
          const lines: string[] = [];
          for (const row of rows) {
            const fields = row.map(([field, quote]) => encode(field, quote));
            expected.push({ line, quoted: fields.map((field) => field.startsWith('"')) });
            const text = fields.join(',');
            line += (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
            lines.push(text);
          }
          const bytes = Buffer.from(lines.join(ending) + ending, 'utf8');
          const seen: { line: number; quoted: boolean[] }[] = [];
          const tokenizer = new CsvTokenizer((record) => {
            const quoted: boolean[] = [];
            for (let index = 0; index < record.fieldCount; index++) quoted.push(record.flags[index] !== 0);
            seen.push({ line: record.line, quoted });
          }, 1 << 20);
          let at = 0;
          for (let index = 0; at < bytes.length; index++) {
            const size = chunkSizes.length === 0 ? bytes.length : chunkSizes[index % chunkSizes.length]!;
            tokenizer.push(bytes.subarray(at, at + size));
            at += size;
          }
          tokenizer.finish();
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 904 },
    );
  });

  it('skips a byte order mark and blank lines, and keeps a line break inside quotes in the value', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A,B\r\n\r\n"x\r\ny",2\r\n')]);
    expect(tokenize(bytes, [1])).toEqual([
      ['A', 'B'],
      ['x\r\ny', '2'],
    ]);
  });

  it.each([
    ['a quote inside a value', 'A,B\nx,y\r\n"p\r\nq",1\nz,a"b\n', 'quote-inside-value', 5],
    ['text after a closing quote', 'A,B\n"x"y,1\n', 'text-after-quote', 2],
    ['a quote never closed', 'A,B\nx,1\n"y,2\nz,3\n', 'quote-not-closed', 3],
  ])('refuses %s, naming the line', (_, text, fault, line) => {
    try {
      tokenize(Buffer.from(text), [3]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect({ fault: (error as CsvSyntaxError).fault, line: (error as CsvSyntaxError).line }).toEqual({
        fault,
        line,
      });
    }
  });
});

describe('CsvTokenizer with spaces around quotes', () => {
  const text = Buffer.from('a, "x,1" ,b\r\n "y""z"\t, c ,"w"\r\n');
  const expected = [
    ['a', 'x,1', 'b'],
    ['y"z', ' c ', 'w'],
  ];

  it('reads a quoted value with spaces or tabs around it, however the bytes are cut', () => {
    for (let size = 1; size <= text.length; size++) expect(tokenize(text, [size], true)).toEqual(expected);
  });

  it('still refuses them by default, and text after the spaces', () => {
    expect(() => tokenize(text, [])).toThrow(CsvSyntaxError);
    expect(() => tokenize(Buffer.from('a, "x" y\n'), [], true)).toThrow(CsvSyntaxError);
  });
});
