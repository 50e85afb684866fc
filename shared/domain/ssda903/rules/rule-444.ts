// Domain: SSDA903 rule 444 — one UPN reported for two different children. Catalogue fields: UPN (Header); last
// defined 2025/26, when it was added.
//
// The only SSDA903 check that compares children with each other. Children are checked one at a time (each
// child's rows are dropped once checked), so the rule remembers each UPN's first child and row, and reports at
// the end every Header row whose UPN another child also has. A blank UPN and the "not known" codes (UN1, UN2 …)
// are not pupil numbers and are never duplicates; a child listed twice in the Header is reported as a duplicate
// child, not here.
import type { AcrossChildren, Finding, Rule } from '../model.ts';
import { rowsOf, val } from './support.ts';

const NOT_KNOWN = /^UN\d+$/;

interface FirstSeen {
  readonly child: string;
  readonly rowNumber: number;
  reported: boolean;
}

const upnFinding = (child: string, rowNumber: number, upn: string): Finding => ({
  code: '444',
  table: 'Header',
  rowNumber,
  field: 'UPN',
  value: upn,
  child,
});

function upnTally(): AcrossChildren {
  const firstByUpn = new Map<string, FirstSeen>();
  const found: Finding[] = [];
  return {
    see(child) {
      for (const row of rowsOf(child, 'Header')) {
        const upn = val(row, 'UPN');
        if (upn === '' || NOT_KNOWN.test(upn)) continue;
        const first = firstByUpn.get(upn);
        if (!first) {
          firstByUpn.set(upn, { child: child.child, rowNumber: row.rowNumber, reported: false });
          continue;
        }
        if (first.child === child.child) continue;
        if (!first.reported) {
          found.push(upnFinding(first.child, first.rowNumber, upn));
          first.reported = true;
        }
        found.push(upnFinding(child.child, row.rowNumber, upn));
      }
    },
    findings: () => found.sort((a, b) => a.rowNumber - b.rowNumber),
  };
}

export const rule444: Rule = {
  code: '444',
  description: 'The same UPN is given for more than one child: each child has a UPN of their own.',
  tables: ['Header'],
  fields: ['UPN'],
  check: () => [],
  acrossChildren: upnTally,
};
