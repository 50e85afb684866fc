// Domain: reading a CSC API payload as a stream: newline-delimited JSON (one child's document a line) or one
// JSON array of children's documents. The file is never parsed whole: the reader finds where each child's
// document begins and ends and parses that document alone, so memory follows the largest child, not the file.
// Each document is checked against the structure (schema.ts), degraded (degrade.ts) and handed on as a change;
// a document with a problem changes nothing (the child stays as it was) and its problems are reported by the
// child's keyed id and the record path, never the id in clear.
import type { ByteSource } from '../reading/bytes.ts';
import { decodeText } from '../reading/decode.ts';
import { ReturnReadError } from '../reading/issues.ts';
import { BlockingReadError, type FindingCollector } from '../returns/report.ts';
import { type ChildChange, childKeyOf, degradeChild } from './degrade.ts';
import { checkChild, type DocumentProblem } from './schema.ts';

/** A child's document over this many characters is refused (a child's whole history is far smaller). */
export const MAX_CHILD_CHARACTERS = 2_000_000;

export interface ChildText {
  readonly text: string;
  /** Line of the file where the document starts (1 is the first line). */
  readonly line: number;
  readonly tooLarge: boolean;
}

export interface StrayText {
  readonly stray: true;
  readonly line: number;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);

/**
 * Splits a stream of text into the children's documents it holds, whether one a line or in one JSON array.
 * Text outside any document that is not whitespace (or the array's brackets and commas) is yielded as stray,
 * once per line.
 */
export async function* splitDocuments(
  text: AsyncIterable<string>,
  maxCharacters = MAX_CHILD_CHARACTERS,
): AsyncGenerator<ChildText | StrayText> {
  let mode: 'unknown' | 'lines' | 'array' = 'unknown';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let startLine = 0;
  let parts: string[] = [];
  let size = 0;
  let strayLine = 0;
  const finish = (): ChildText => {
    const document = { text: parts.join(''), line: startLine, tooLarge: size > maxCharacters };
    parts = [];
    size = 0;
    return document;
  };
  for await (const chunk of text) {
    let from = depth > 0 ? 0 : -1;
    for (let index = 0; index < chunk.length; index++) {
      const code = chunk.charCodeAt(index);
      if (depth > 0) {
        if (code === 0x0a) {
          line++;
          // One document a line: a line that ends inside a document ends it (it will not parse).
          if (mode === 'lines') {
            if (size <= maxCharacters) parts.push(chunk.slice(from, index));
            size += index - from;
            depth = 0;
            inString = false;
            yield finish();
            continue;
          }
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 0x5c) escaped = true;
          else if (code === 0x22) inString = false;
        } else if (code === 0x22) inString = true;
        else if (code === 0x7b || code === 0x5b) depth++;
        else if (code === 0x7d || code === 0x5d) {
          depth--;
          if (depth === 0) {
            if (size <= maxCharacters) parts.push(chunk.slice(from, index + 1));
            size += index + 1 - from;
            yield finish();
          }
        }
        continue;
      }
      if (code === 0x0a) {
        line++;
        continue;
      }
      if (WHITESPACE.has(code)) continue;
      if (mode === 'unknown') {
        mode = code === 0x5b ? 'array' : 'lines';
        if (mode === 'array') continue;
      }
      if (mode === 'array' && (code === 0x2c || code === 0x5d)) continue;
      if (code === 0x7b) {
        depth = 1;
        inString = false;
        escaped = false;
        startLine = line;
        from = index;
        continue;
      }
      if (strayLine !== line) {
        strayLine = line;
        yield { stray: true, line };
      }
    }
    if (depth > 0) {
      if (size <= maxCharacters) parts.push(chunk.slice(from));
      size += chunk.length - from;
    }
  }
  if (depth > 0) yield finish();
}

export interface PayloadRead {
  /** Children's documents read (whether or not they could be applied). */
  readonly documents: number;
  /** Documents applied to the state (no problem that stops them). */
  readonly applied: number;
}

export interface PayloadOptions {
  readonly fileName: string;
  readonly la: string;
  readonly councilKey: Buffer;
  readonly findings: FindingCollector;
  /** The month of birth already kept for a child, for the 18th birthday rule when its details are not sent. */
  readonly keptBirthMonth: (key: string) => string | null | undefined;
  readonly onChange: (change: ChildChange) => void;
  /** A child whose document has problems: its earlier state is kept. */
  readonly onKept: (key: string) => void;
}

/** Problems that leave the child's document readable: it is applied and the problem reported. */
const APPLIED_DESPITE = new Set<DocumentProblem['code']>(['unknown-field']);

/** Reads a payload, checking and degrading each child's document and handing on its change. */
export async function readPayload(source: ByteSource, options: PayloadOptions): Promise<PayloadRead> {
  const { findings } = options;
  let documents = 0;
  let applied = 0;
  const report = (record: string, line: number, problem: DocumentProblem) =>
    findings.add({
      code: problem.code,
      record,
      rowNumber: line,
      field: problem.path,
      value: problem.value,
      message: problem.message,
    });
  try {
    for await (const piece of splitDocuments(decodeText(source, { fileName: options.fileName }))) {
      if ('stray' in piece) {
        report(`Line ${piece.line}`, piece.line, {
          code: 'not-json',
          path: '(line)',
          value: '',
          message:
            'This line holds text that is not a child’s document: each child must be one JSON object ({…}), one a line or in one JSON array.',
        });
        continue;
      }
      documents++;
      const unnamed = `Child at line ${piece.line}`;
      if (piece.tooLarge) {
        report(unnamed, piece.line, {
          code: 'too-large',
          path: '(document)',
          value: '',
          message: `This child’s document is over ${MAX_CHILD_CHARACTERS.toLocaleString('en-GB')} characters; it was not read.`,
        });
        continue;
      }
      let document: unknown;
      try {
        document = JSON.parse(piece.text);
      } catch {
        report(unnamed, piece.line, {
          code: 'not-json',
          path: '(document)',
          value: '',
          message:
            'This child’s document is not valid JSON (look for a missing comma, quote or bracket, or a document split over lines); it was not read.',
        });
        continue;
      }
      const problems = checkChild(document);
      const childId = (document as { la_child_id?: unknown } | null)?.la_child_id;
      const hasId = typeof childId === 'string' || typeof childId === 'number';
      const key = hasId ? childKeyOf(String(childId), options.councilKey) : null;
      const record = key ? `Child ${key.slice(0, 12)}` : unnamed;
      const council = (document as { la_code?: unknown }).la_code;
      if (council !== undefined && council !== null && String(council) !== options.la)
        problems.push({
          code: 'other-council',
          path: 'la_code',
          value: String(council),
          message: `This child is sent for council ${String(council)}, not ${options.la}; it was not read.`,
        });
      for (const problem of problems) report(record, piece.line, problem);
      if (key === null) continue;
      if (problems.some((problem) => !APPLIED_DESPITE.has(problem.code))) {
        options.onKept(key);
        continue;
      }
      options.onChange(
        degradeChild(document as Record<string, unknown>, options.councilKey, options.keptBirthMonth(key)),
      );
      applied++;
    }
  } catch (error) {
    if (error instanceof ReturnReadError) throw new BlockingReadError(error.kind, error.message, error.file);
    throw error;
  }
  if (documents === 0)
    throw new BlockingReadError(
      'empty-file',
      `${options.fileName} holds no child’s document: send one JSON object per child, one a line, or one JSON array of them.`,
      options.fileName,
    );
  return { documents, applied };
}
