// Test helper: realistic workforce census (CSWW) XML files, made up but shaped like a council's export
// (there are no sample census files in the shared data). Deterministic for a seed. The generator keeps its
// own tally of what it wrote, so tests can compare the reader's figures with what is in the file.

export interface GeneratedCensus {
  readonly xml: string;
  readonly sweNumbers: readonly string[];
  readonly birthDates: readonly string[];
  readonly expected: {
    readonly workers: number;
    readonly inPostFte: number;
    readonly inPostHeadcount: number;
    readonly leaversFte: number;
    readonly leaversHeadcount: number;
    readonly workingDaysLost: number;
    readonly cases: number;
    readonly caseHolderFte: number;
    readonly vacancyFte: number;
    readonly agencyFte: number;
  };
}

export interface CensusOptions {
  readonly la?: string;
  readonly year?: number;
  readonly employed?: number;
  readonly agency?: number;
  readonly leavers?: number;
  readonly seed?: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function generateCensus(options: CensusOptions = {}): GeneratedCensus {
  const la = options.la ?? '886';
  const year = options.year ?? 2025;
  const next = random(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sweNumbers: string[] = [];
  const birthDates: string[] = [];
  const workers: string[] = [];
  const tally = {
    workers: 0,
    inPostFte: 0,
    inPostHeadcount: 0,
    leaversFte: 0,
    leaversHeadcount: 0,
    workingDaysLost: 0,
    cases: 0,
    caseHolderFte: 0,
  };

  const worker = (kind: 'employed' | 'agency' | 'leaver', index: number): string => {
    const swe = `${pick(['SW', 'EN', 'KE'])}${String(1_000_000_000 + index * 7919 + Math.floor(next() * 997)).slice(0, 10)}`;
    sweNumbers.push(swe);
    const birth = `${1960 + Math.floor(next() * 40)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(2 + Math.floor(next() * 26)).padStart(2, '0')}`;
    birthDates.push(birth);
    const fte = pick([1, 1, 1, 0.8, 0.6, 0.5]);
    const caseHolder = kind !== 'leaver' && next() < 0.8;
    const cases = caseHolder ? 8 + Math.floor(next() * 18) : 0;
    const daysLost = kind === 'employed' ? round2(next() < 0.6 ? next() * 12 : 0) : 0;
    const start = `${year - 1 - Math.floor(next() * 10)}-${String(1 + Math.floor(next() * 9)).padStart(2, '0')}-01`;
    tally.workers++;
    if (kind === 'employed') {
      tally.inPostFte += fte;
      tally.inPostHeadcount++;
      tally.workingDaysLost += daysLost;
    }
    if (kind === 'leaver') {
      tally.leaversFte += fte;
      tally.leaversHeadcount++;
    }
    if (caseHolder) {
      tally.cases += cases;
      tally.caseHolderFte += fte;
    }
    const lines = [
      '  <CSWWWorker>',
      `    <AgencyWorker>${kind === 'agency' ? 1 : 0}</AgencyWorker>`,
      `    <SWENo>${swe}</SWENo>`,
      `    <FTE>${fte.toFixed(6)}</FTE>`,
      `    <PersonBirthDate>${birth}</PersonBirthDate>`,
      `    <GenderCurrent>${pick(['1', '2', '2', '2', '9'])}</GenderCurrent>`,
      `    <Ethnicity>${pick(['WBRI', 'WBRI', 'WBRI', 'BAFR', 'AIND', 'MWBC', 'REFU'])}</Ethnicity>`,
      `    <QualInst>${pick(['University of Kent', 'Canterbury Christ Church University', 'Open University'])}</QualInst>`,
      `    <QualLevel>${pick(['1', '2', '3'])}</QualLevel>`,
      `    <OrgRole>${caseHolder ? pick(['4', '5', '5', '5']) : pick(['1', '2', '3', '6'])}</OrgRole>`,
      `    <RoleStartDate>${start}</RoleStartDate>`,
      `    <StartOrigin>${pick(['1', '2', '4', '9'])}</StartOrigin>`,
    ];
    if (kind === 'leaver') {
      const month = 1 + Math.floor(next() * 9);
      lines.push(
        `    <RoleEndDate>${year}-${String(month).padStart(2, '0')}-15</RoleEndDate>`,
        `    <LeaverDestination>${pick(['1', '3', '6', '8'])}</LeaverDestination>`,
        `    <ReasonLeave>${pick(['1', '1', '5', '8'])}</ReasonLeave>`,
      );
    } else {
      lines.push(`    <FTE30>${fte.toFixed(6)}</FTE30>`, `    <Cases30>${cases}</Cases30>`);
    }
    if (kind === 'employed') lines.push(`    <WorkingDaysLost>${daysLost.toFixed(2)}</WorkingDaysLost>`);
    lines.push(`    <Absat30Sept>${next() < 0.05 ? 1 : 0}</Absat30Sept>`, '  </CSWWWorker>');
    return lines.join('\n');
  };

  let index = 0;
  for (let n = 0; n < (options.employed ?? 40); n++) workers.push(worker('employed', index++));
  for (let n = 0; n < (options.agency ?? 6); n++) workers.push(worker('agency', index++));
  for (let n = 0; n < (options.leavers ?? 5); n++) workers.push(worker('leaver', index++));
  const vacancyFte = round2(((options.employed ?? 40) * 0.12 * 100) / 100);
  const agencyFte = round2((options.agency ?? 6) * 0.95);

  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    '  <Header>',
    '    <CollectionDetails>',
    '      <Collection>CSWW</Collection>',
    `      <Year>${year}</Year>`,
    `      <ReferenceDate>${year}-09-30</ReferenceDate>`,
    '    </CollectionDetails>',
    '    <Source>',
    '      <SourceLevel>L</SourceLevel>',
    `      <LEA>${la}</LEA>`,
    '      <SoftwareCode>Local Authority</SoftwareCode>',
    `      <DateTime>${year}-10-14T09:30:00</DateTime>`,
    '    </Source>',
    '  </Header>',
    '  <LALevelVacancies>',
    `    <NumberOfVacancies>${vacancyFte.toFixed(2)}</NumberOfVacancies>`,
    `    <NoAgencyFTE>${agencyFte.toFixed(2)}</NoAgencyFTE>`,
    `    <NoAgencyHeadcount>${options.agency ?? 6}</NoAgencyHeadcount>`,
    '  </LALevelVacancies>',
    ...workers,
    '</Message>',
    '',
  ].join('\n');
  return {
    xml,
    sweNumbers,
    birthDates,
    expected: {
      ...tally,
      inPostFte: Math.round(tally.inPostFte * 1e6) / 1e6,
      leaversFte: Math.round(tally.leaversFte * 1e6) / 1e6,
      workingDaysLost: Math.round(tally.workingDaysLost * 1e6) / 1e6,
      caseHolderFte: Math.round(tally.caseHolderFte * 1e6) / 1e6,
      vacancyFte,
      agencyFte,
    },
  };
}
