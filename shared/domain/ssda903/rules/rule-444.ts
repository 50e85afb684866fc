// Domain: SSDA903 rule 444 — one UPN reported for two different children. Catalogue fields: UPN (Header); last
// defined 2025/26, when it was added.
//
// The only SSDA903 check that compares children with each other. Children are checked one at a time (each
// child's rows are dropped once checked), so the rule remembers every UPN with its child and row, and reports
// at the end every Header row whose UPN another child also has, the first child's too. A blank UPN and the
// "not known" codes (UN1, UN2 …) are not pupil numbers and are never duplicates; a child listed twice in the
// Header is reported as a duplicate child, not here.
//
// Memory: one record per Header row with a UPN (the child's number, the row number and the UPN's text) in a log
// of the return's aside space (aside.ts), partitioned by UPN: spilled with the rows, so memory does not grow
// with the number of children. At the end each partition is judged alone, and the findings are put in row order.
import { AsideSpace } from '../aside.ts';
import type { AcrossChildren, Finding, Rule } from '../model.ts';
import type { SpillLog } from '../spill-log.ts';
import { NO_FINDINGS } from './support.ts';

const NOT_KNOWN = /^UN\d+$/;
/** UPNs go to this many partitions: each is read back alone (a 64th of a national return's is some 100 KB). */
const PARTITIONS = 64;
/** A record's head: the child's number, the row number, how the text is written, its length in characters. */
const HEAD_BYTES = 13;
const LATIN1 = 0;
const UTF16 = 1;

/** A "not known" code (UN1, UN2 …) rather than a pupil number: the pattern is tried only on text starting UN. */
const notKnown = (upn: string): boolean =>
  upn.charCodeAt(0) === 85 && upn.charCodeAt(1) === 78 && NOT_KNOWN.test(upn);

function writeUint32(bytes: Buffer, at: number, value: number): void {
  bytes[at] = value;
  bytes[at + 1] = value >>> 8;
  bytes[at + 2] = value >>> 16;
  bytes[at + 3] = value >>> 24;
}

const readUint32 = (bytes: Buffer, at: number): number =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;

/**
 * Appends one record to the partition of its UPN, written in place. The partition comes from the UPN's characters,
 * which are looked at once for it and for how to write them.
 */
function setAside(partitions: readonly SpillLog[], child: number, rowNumber: number, upn: string): void {
  let hash = 0x811c9dc5 | 0;
  let widest = 0;
  for (let index = 0; index < upn.length; index++) {
    const code = upn.charCodeAt(index);
    widest |= code;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  const log = partitions[(hash ^ (hash >>> 16)) & (PARTITIONS - 1)]!;
  // UTF-16 keeps any text exactly, a lone surrogate too; a UPN is nearly always ASCII, one byte a character.
  const wide = widest > 0xff;
  const length = HEAD_BYTES + upn.length * (wide ? 2 : 1);
  const bytes = log.reserve(length);
  const at = log.used;
  writeUint32(bytes, at, child);
  writeUint32(bytes, at + 4, rowNumber);
  bytes[at + 8] = wide ? UTF16 : LATIN1;
  writeUint32(bytes, at + 9, upn.length);
  if (wide) bytes.write(upn, at + HEAD_BYTES, 'utf16le');
  else
    for (let index = 0; index < upn.length; index++) bytes[at + HEAD_BYTES + index] = upn.charCodeAt(index);
  log.commit(at + length);
}

/**
 * The findings of one partition's records: every row of a UPN that more than one child has. Each UPN is kept
 * with where its first record is (turned negative once that record has been reported).
 */
function judge(
  bytes: Buffer,
  finding: (child: number, rowNumber: number, upn: string) => Finding,
): Finding[] {
  const found: Finding[] = [];
  const first = new Map<string, number>();
  let at = 0;
  while (at < bytes.length) {
    const child = readUint32(bytes, at);
    const wide = bytes[at + 8] === UTF16;
    const end = at + HEAD_BYTES + readUint32(bytes, at + 9) * (wide ? 2 : 1);
    const upn = bytes.toString(wide ? 'utf16le' : 'latin1', at + HEAD_BYTES, end);
    const seen = first.get(upn);
    if (seen === undefined) first.set(upn, at);
    else {
      const firstAt = seen < 0 ? -seen - 1 : seen;
      if (readUint32(bytes, firstAt) !== child) {
        if (seen >= 0) {
          first.set(upn, -seen - 1);
          found.push(finding(readUint32(bytes, firstAt), readUint32(bytes, firstAt + 4), upn));
        }
        found.push(finding(child, readUint32(bytes, at + 4), upn));
      }
    }
    at = end;
  }
  return found;
}

function upnTally(aside: AsideSpace = new AsideSpace()): AcrossChildren {
  const partitions = aside.partitions(PARTITIONS);

  return {
    see(child, _context, number) {
      const rows = child.rows.Header;
      if (rows === undefined) return;
      for (let index = 0; index < rows.length; index++) {
        const row = rows[index]!;
        const upn = row.values.UPN ?? '';
        if (upn === '' || notKnown(upn)) continue;
        setAside(partitions, number, row.rowNumber, upn);
      }
    },
    findings(referenceOf) {
      const finding = (child: number, rowNumber: number, upn: string): Finding => ({
        code: '444',
        table: 'Header',
        rowNumber,
        field: 'UPN',
        value: upn,
        child: referenceOf(child),
      });
      const found: Finding[] = [];
      for (const partition of partitions) found.push(...judge(partition.take(), finding));
      return found.sort((a, b) => a.rowNumber - b.rowNumber);
    },
  };
}

export const rule444: Rule = {
  code: '444',
  description: 'The same UPN is given for more than one child: each child has a UPN of their own.',
  tables: ['Header'],
  fields: ['UPN'],
  check: () => NO_FINDINGS,
  acrossChildren: upnTally,
};
