// Domain: SSDA903 rule 444 — one UPN reported for two different children. Catalogue fields: UPN (Header); last
// defined 2025/26, when it was added.
//
// The only SSDA903 check that compares children with each other. Children are checked one at a time (each
// child's rows are dropped once checked), so the rule remembers each UPN's first child and row, and reports at
// the end every Header row whose UPN another child also has. A blank UPN and the "not known" codes (UN1, UN2 …)
// are not pupil numbers and are never duplicates; a child listed twice in the Header is reported as a duplicate
// child, not here.
//
// Memory: one entry per child with a UPN, kept as numbers. A well-formed UPN (a letter, eleven digits, a digit
// or letter) is one exact number below 2^53, so the map holds no strings; the child is kept by its number in
// the return and named only if its UPN turns out to be shared. Anything else keeps its text (rule 168 reports
// it).
import type { AcrossChildren, Finding, Rule } from '../model.ts';
import { rowsOf } from './support.ts';

const NOT_KNOWN = /^UN\d+$/;
const UPN_SHAPE = /^[A-Z]\d{11}[0-9A-Z]$/;

/** A well-formed UPN as one number: its letter (0–25), its eleven digits, its last character (0–35). */
function upnNumber(upn: string): number | null {
  if (!UPN_SHAPE.test(upn)) return null;
  const last = Number.parseInt(upn[12]!, 36);
  return ((upn.charCodeAt(0) - 65) * 1e11 + Number(upn.slice(1, 12))) * 36 + last;
}

function upnTally(): AcrossChildren {
  // A UPN's first sighting: its slot in the arrays below.
  const byNumber = new Map<number, number>();
  const byText = new Map<string, number>();
  let children = new Int32Array(1024);
  let rowNumbers = new Int32Array(1024);
  let slots = 0;
  /** Slots whose UPN another child has too, and every later row with it: [slot, child, row number]. */
  const shared = new Set<number>();
  const later: [slot: number, child: number, rowNumber: number][] = [];
  const upns = new Map<number, string>();

  return {
    see(child, _context, number) {
      for (const row of rowsOf(child, 'Header')) {
        const upn = row.values.UPN ?? '';
        if (upn === '' || NOT_KNOWN.test(upn)) continue;
        const key = upnNumber(upn);
        const slot = key === null ? byText.get(upn) : byNumber.get(key);
        if (slot === undefined) {
          if (slots === children.length) {
            children = grow(children);
            rowNumbers = grow(rowNumbers);
          }
          children[slots] = number;
          rowNumbers[slots] = row.rowNumber;
          if (key === null) byText.set(upn, slots);
          else byNumber.set(key, slots);
          slots++;
          continue;
        }
        if (children[slot] === number) continue;
        shared.add(slot);
        upns.set(slot, upn);
        later.push([slot, number, row.rowNumber]);
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
      const found = [...shared].map((slot) => finding(children[slot]!, rowNumbers[slot]!, upns.get(slot)!));
      for (const [slot, child, rowNumber] of later) found.push(finding(child, rowNumber, upns.get(slot)!));
      return found.sort((a, b) => a.rowNumber - b.rowNumber);
    },
  };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export const rule444: Rule = {
  code: '444',
  description: 'The same UPN is given for more than one child: each child has a UPN of their own.',
  tables: ['Header'],
  fields: ['UPN'],
  check: () => [],
  acrossChildren: upnTally,
};
