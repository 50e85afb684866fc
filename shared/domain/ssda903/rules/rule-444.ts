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
import { NO_FINDINGS, rowsOf } from './support.ts';

const NOT_KNOWN = /^UN\d+$/;
/** UPNs go to this many partitions: each is read back alone (a 64th of a national return's is some 100 KB). */
const PARTITIONS = 64;
/** A record's head: the child's number, the row number, how the text is written, its length in characters. */
const HEAD_BYTES = 13;
const LATIN1 = 0;
const UTF16 = 1;

/** Writes one record to `scratch` (grown when the UPN is long); returns the scratch used and its length. */
function record(scratch: Buffer, child: number, rowNumber: number, upn: string): [Buffer, number] {
  let wide = false;
  for (let index = 0; index < upn.length; index++) {
    if (upn.charCodeAt(index) > 0xff) {
      wide = true;
      break;
    }
  }
  // UTF-16 keeps any text exactly, a lone surrogate too; a UPN is nearly always ASCII, one byte a character.
  const length = HEAD_BYTES + upn.length * (wide ? 2 : 1);
  const buffer = length <= scratch.length ? scratch : Buffer.allocUnsafe(length);
  buffer.writeUInt32LE(child, 0);
  buffer.writeUInt32LE(rowNumber, 4);
  buffer[8] = wide ? UTF16 : LATIN1;
  buffer.writeUInt32LE(upn.length, 9);
  buffer.write(upn, HEAD_BYTES, wide ? 'utf16le' : 'latin1');
  return [buffer, length];
}

/** The partition of a UPN, from its characters. */
function partitionOf(upn: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let index = 0; index < upn.length; index++) hash = Math.imul(hash ^ upn.charCodeAt(index), 0x01000193);
  return (hash ^ (hash >>> 16)) & (PARTITIONS - 1);
}

interface FirstSighting {
  readonly child: number;
  readonly rowNumber: number;
  shared: boolean;
}

/** The findings of one partition's records: every row of a UPN that more than one child has. */
function judge(
  bytes: Buffer,
  finding: (child: number, rowNumber: number, upn: string) => Finding,
): Finding[] {
  const found: Finding[] = [];
  const first = new Map<string, FirstSighting>();
  let at = 0;
  while (at < bytes.length) {
    const child = bytes.readUInt32LE(at);
    const rowNumber = bytes.readUInt32LE(at + 4);
    const wide = bytes[at + 8] === UTF16;
    const end = at + HEAD_BYTES + bytes.readUInt32LE(at + 9) * (wide ? 2 : 1);
    const upn = bytes.toString(wide ? 'utf16le' : 'latin1', at + HEAD_BYTES, end);
    at = end;
    const seen = first.get(upn);
    if (seen === undefined) {
      first.set(upn, { child, rowNumber, shared: false });
      continue;
    }
    if (seen.child === child) continue;
    if (!seen.shared) {
      seen.shared = true;
      found.push(finding(seen.child, seen.rowNumber, upn));
    }
    found.push(finding(child, rowNumber, upn));
  }
  return found;
}

function upnTally(aside: AsideSpace = new AsideSpace()): AcrossChildren {
  const partitions = aside.partitions(PARTITIONS);
  let scratch: Buffer = Buffer.allocUnsafe(64);

  return {
    see(child, _context, number) {
      for (const row of rowsOf(child, 'Header')) {
        const upn = row.values.UPN ?? '';
        if (upn === '' || NOT_KNOWN.test(upn)) continue;
        const [bytes, length] = record(scratch, number, row.rowNumber, upn);
        scratch = bytes;
        partitions[partitionOf(upn)]!.append(bytes, length);
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
