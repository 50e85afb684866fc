// Domain: a synthetic children's social work workforce census (CSWW) XML file: employed social workers in
// post and leavers, with caseloads and sickness absence, and the council's vacancies and agency staff, sized
// and shaped on the council's published workforce figures (targets.ts). The census is taken on 30 September.
import { type Day, dayFromParts, formatIsoDay } from '../dates.ts';
import { addYears, dayBetween, ethnicity } from './people.ts';
import { chooseExactly, type Random } from './random.ts';
import type { GeneratedFile } from './ssda903.ts';
import type { Targets } from './targets.ts';

export interface CswwOptions {
  readonly la: string;
  readonly year: number;
  readonly random: Random;
  readonly targets: Targets;
  readonly scale?: number;
}

interface Worker {
  swe: string;
  agency: boolean;
  fte: number;
  dob: Day;
  sex: string;
  ethnic: string;
  role: string;
  start: Day;
  end: Day | null;
  reasonLeave: string;
  cases: number;
  daysLost: number;
}

const FTES = [1, 1, 1, 1, 0.8, 0.6, 0.5];
const QUALIFICATIONS = [
  'University of Kent',
  'Open University',
  'University of Birmingham',
  'Goldsmiths',
  'Frontline',
];

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Splits a whole amount into `parts` shares, each about `total / parts`, summing to exactly `total`. */
function spread(random: Random, total: number, parts: number): number[] {
  if (parts === 0) return [];
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.floor((weight / sum) * total));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let index = 0; left > 0; index = (index + 1) % parts, left -= 1) shares[index]! += 1;
  return shares;
}

export function generateCsww(options: CswwOptions): GeneratedFile[] {
  const { random, targets, year } = options;
  const census = dayFromParts(year, 9, 30)!;
  const yearStart = dayFromParts(year - 1, 10, 1)!;
  const inPostFteTarget = Math.max(5, targets.denominator('sw-turnover-rate', 300) * (options.scale ?? 1));
  const turnover = targets.share('sw-turnover-rate', 17);
  const vacancy = Math.min(0.6, targets.share('sw-vacancy-rate', 17));
  const agency = Math.min(0.6, targets.share('sw-agency-rate', 17));
  const absence = targets.share('sw-absence-rate', 3);
  const caseload = targets.target('average-caseload', 16).value;

  const used = new Set<string>();
  const swe = () => {
    let value = `SW${String(random.int(1_000_000, 9_999_999_999)).padStart(10, '0')}`;
    while (used.has(value)) value = `SW${String(random.int(1_000_000, 9_999_999_999)).padStart(10, '0')}`;
    used.add(value);
    return value;
  };
  const person = (agency: boolean, role: string, start: Day, end: Day | null): Worker => ({
    swe: swe(),
    agency,
    fte: random.pick(FTES),
    dob: addYears(census, -random.int(23, 64)) - random.int(0, 364),
    sex: random.chance(0.85) ? '2' : '1',
    ethnic: ethnicity(random),
    role,
    start,
    end,
    reasonLeave: end === null ? '' : random.pick(['1', '1', '1', '5', '7', '8']),
    cases: 0,
    daysLost: 0,
  });
  const role = () => (random.chance(0.62) ? '5' : random.pick(['2', '3', '3', '4', '4', '6']));

  const workers: Worker[] = [];
  let inPostFte = 0;
  while (inPostFte < inPostFteTarget - 0.3) {
    const worker = person(false, role(), census - random.int(30, 4000), null);
    worker.fte = Math.min(worker.fte, round2(inPostFteTarget - inPostFte));
    inPostFte += worker.fte;
    workers.push(worker);
  }
  let leaversFte = 0;
  while (leaversFte < turnover * inPostFte - 0.3) {
    const end = dayBetween(random, yearStart, census - 1);
    const worker = person(false, role(), end - random.int(100, 3000), end);
    worker.fte = Math.min(worker.fte, round2(turnover * inPostFte - leaversFte));
    leaversFte += worker.fte;
    workers.push(worker);
  }
  // Cases and absence are spread over the workers in post so the totals land on the published rates.
  const holders = workers.filter((worker) => worker.end === null && worker.role === '5');
  const holderFte = holders.reduce((sum, worker) => sum + worker.fte, 0);
  spread(random, Math.round(caseload * holderFte), holders.length).forEach((cases, index) => {
    holders[index]!.cases = cases;
  });
  const inPost = workers.filter((worker) => worker.end === null);
  const absent = chooseExactly(random, inPost.length, 0.35);
  const lostWanted = Math.round(absence * inPostFte * 253 * 100);
  const absentees = inPost.filter((_, index) => absent[index]);
  spread(random, lostWanted, absentees.length).forEach((hundredths, index) => {
    absentees[index]!.daysLost = hundredths / 100;
  });

  const vacancyFte = round2((vacancy / (1 - vacancy)) * inPostFte);
  const agencyFte = round2((agency / (1 - agency)) * inPostFte);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Message>',
    '  <Header>',
    '    <CollectionDetails>',
    '      <Collection>CSWW</Collection>',
    `      <Year>${year}</Year>`,
    `      <ReferenceDate>${formatIsoDay(census)}</ReferenceDate>`,
    '    </CollectionDetails>',
    '    <Source>',
    '      <SourceLevel>L</SourceLevel>',
    `      <LEA>${options.la}</LEA>`,
    '      <SoftwareCode>Upstream generator</SoftwareCode>',
    `      <DateTime>${year}-10-14T09:00:00</DateTime>`,
    '    </Source>',
    '  </Header>',
    '  <LALevelVacancies>',
    `    <NumberOfVacancies>${vacancyFte.toFixed(2)}</NumberOfVacancies>`,
    `    <NoAgencyFTE>${agencyFte.toFixed(2)}</NoAgencyFTE>`,
    `    <NoAgencyHeadcount>${Math.round(agencyFte / 0.95)}</NoAgencyHeadcount>`,
    '  </LALevelVacancies>',
  ];
  for (const worker of workers) {
    const fields: [string, string | null][] = [
      ['AgencyWorker', worker.agency ? '1' : '0'],
      ['SWENo', worker.swe],
      ['FTE', worker.fte.toFixed(6)],
      ['PersonBirthDate', formatIsoDay(worker.dob)],
      ['GenderCurrent', worker.sex],
      // The workforce census has no WROM code: Gypsy/Roma workers are recorded as any other White background.
      ['Ethnicity', worker.ethnic === 'WROM' ? 'WOTH' : worker.ethnic],
      ['QualInst', random.pick(QUALIFICATIONS)],
      ['QualLevel', random.pick(['1', '2'])],
      ['OrgRole', worker.role],
      ['RoleStartDate', formatIsoDay(worker.start)],
      ['RoleEndDate', worker.end === null ? null : formatIsoDay(worker.end)],
      ['ReasonLeave', worker.reasonLeave || null],
      ['FTE30', worker.end === null ? worker.fte.toFixed(6) : null],
      ['Cases30', worker.end === null && worker.role === '5' ? String(worker.cases) : null],
      ['WorkingDaysLost', worker.end === null ? worker.daysLost.toFixed(2) : null],
    ];
    lines.push('  <CSWWWorker>');
    for (const [name, value] of fields) if (value !== null) lines.push(`    <${name}>${value}</${name}>`);
    lines.push('  </CSWWWorker>');
  }
  lines.push('</Message>', '');
  return [{ name: `CSWW_${year}_${options.la}.xml`, content: lines.join('\n') }];
}
