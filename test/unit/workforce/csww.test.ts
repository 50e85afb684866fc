// The workforce census reader, schema checks, aggregates and report: figures and rates worked out by hand
// on a small census, every blocking and row-level wording, streaming a large generated census in small
// chunks, and no SWENo or date of birth in anything the report holds.
import { describe, expect, it } from 'vitest';
import {
  buildCouncilLevelReport,
  renderCouncilLevelReportCsv,
  renderCouncilLevelReportJson,
} from '../../../shared/domain/returns/report.ts';
import {
  CswwAggregator,
  cswwIndicators,
  cswwReportFigures,
  rateOf,
} from '../../../shared/domain/workforce/csww-aggregates.ts';
import { type CswwWorker, readCswwXml } from '../../../shared/domain/workforce/csww-reader.ts';
import { describeType, isValidValue } from '../../../shared/domain/workforce/csww-schema.ts';
import { generateCensus } from './helpers/csww-generator.ts';

const HEADER = (la = '886', year = '2025', reference = '2025-09-30') => `<Header>
  <CollectionDetails><Collection>CSWW</Collection><Year>${year}</Year><ReferenceDate>${reference}</ReferenceDate></CollectionDetails>
  <Source><SourceLevel>L</SourceLevel><LEA>${la}</LEA></Source>
</Header>`;
const LA_LEVEL = (vacancies = '2.50', agencyFte = '3.00', headcount = '3') =>
  `<LALevelVacancies><NumberOfVacancies>${vacancies}</NumberOfVacancies><NoAgencyFTE>${agencyFte}</NoAgencyFTE><NoAgencyHeadcount>${headcount}</NoAgencyHeadcount></LALevelVacancies>`;

function worker(fields: Record<string, string>, order?: string[]): string {
  const base: Record<string, string> = {
    AgencyWorker: '0',
    SWENo: 'SW1234567890',
    FTE: '1.000000',
    QualInst: 'University of Kent',
    ...fields,
  };
  const names = order ?? [
    'AgencyWorker',
    'SWENo',
    'FTE',
    'PersonBirthDate',
    'QualInst',
    'OrgRole',
    'RoleStartDate',
    'RoleEndDate',
    'ReasonLeave',
    'FTE30',
    'Cases30',
    'WorkingDaysLost',
  ];
  return `<CSWWWorker>${names
    .filter((name) => base[name] !== undefined && base[name] !== '<omit>')
    .map((name) => `<${name}>${base[name]}</${name}>`)
    .join('')}</CSWWWorker>`;
}

const census = (workers: string[], header = HEADER(), laLevel = LA_LEVEL()) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n${header}\n${laLevel}\n${workers.join('\n')}\n</Message>\n`;

async function read(xml: string | Buffer, options: { la?: string; year?: number } = {}) {
  const workers: CswwWorker[] = [];
  const aggregator = new CswwAggregator(options.year ?? 2025);
  const result = await readCswwXml(typeof xml === 'string' ? Buffer.from(xml) : xml, {
    fileName: 'csww.xml',
    collectionYear: options.year ?? 2025,
    la: options.la ?? '886',
    onWorker: (each) => {
      workers.push(each);
      aggregator.add(each);
    },
  });
  return { result, workers, aggregator };
}

async function findingsOf(xml: string) {
  const { result } = await read(xml);
  if (result.status !== 'accepted') throw new Error(`rejected: ${result.blocking.message}`);
  return result.findings.listed;
}

async function blockingOf(xml: string | Buffer, options: { la?: string; year?: number } = {}) {
  const { result } = await read(xml, options);
  if (result.status !== 'rejected') throw new Error('accepted');
  return result.blocking;
}

describe('workforce census: figures and rates', () => {
  const SMALL = census([
    worker({
      SWENo: 'SW0000000001',
      FTE: '1.000000',
      FTE30: '1.000000',
      Cases30: '18',
      WorkingDaysLost: '10.00',
      OrgRole: '5',
    }),
    worker({
      SWENo: 'SW0000000002',
      FTE: '1.000000',
      FTE30: '1.000000',
      Cases30: '20',
      WorkingDaysLost: '2.50',
      OrgRole: '5',
    }),
    worker({ SWENo: 'SW0000000003', FTE: '0.500000', FTE30: '0.500000', Cases30: '9', OrgRole: '5' }),
    worker({ SWENo: 'SW0000000004', FTE: '0.800000', OrgRole: '2', WorkingDaysLost: '0.00' }),
    // left in the census year
    worker({
      SWENo: 'SW0000000005',
      FTE: '1.000000',
      RoleStartDate: '2019-01-07',
      RoleEndDate: '2025-03-31',
      ReasonLeave: '1',
      WorkingDaysLost: '30.00',
    }),
    // agency case holder
    worker({ SWENo: 'SW0000000006', AgencyWorker: '1', FTE: '1.000000', FTE30: '1.000000', Cases30: '22' }),
  ]);

  it('works out FTE in post, leavers, agency, vacancies, absence and caseload as DfE defines them', async () => {
    const { result, aggregator } = await read(SMALL);
    expect(result.status).toBe('accepted');
    if (result.status !== 'accepted') return;
    expect(result.findings.total).toBe(0);
    const figures = aggregator.figures(result.laLevel);
    expect(figures).toEqual({
      workers: 6,
      inPostFte: 3.3,
      inPostHeadcount: 4,
      leaversFte: 1,
      leaversHeadcount: 1,
      startersFte: 0,
      agencyFte: 3,
      agencyHeadcount: 3,
      vacancyFte: 2.5,
      workingDaysLost: 12.5,
      cases: 69,
      caseHolderFte: 3.5,
    });
    const indicators = cswwIndicators(figures);
    expect(indicators['sw-vacancy-rate']).toEqual({ numerator: 2.5, denominator: 5.8 });
    expect(indicators['sw-agency-rate']).toEqual({ numerator: 3, denominator: 6.3 });
    expect(indicators['sw-turnover-rate']).toEqual({ numerator: 1, denominator: 3.3 });
    expect(indicators['sw-absence-rate']).toEqual({ numerator: 12.5, denominator: 834.9 });
    expect(indicators['average-caseload']).toEqual({ numerator: 69, denominator: 3.5 });
    const shown = cswwReportFigures(figures);
    expect(shown.vacancyRatePercent).toBe(43.1); // 2.5 / 5.8
    expect(shown.agencyRatePercent).toBe(47.6); // 3 / 6.3
    expect(shown.turnoverRatePercent).toBe(30.3); // 1 / 3.3
    expect(shown.absenceRatePercent).toBe(1.5); // 12.5 / (3.3 × 253)
    expect(shown.averageCaseload).toBe(19.7); // 69 / 3.5
  });

  it('divides the cases of case holders with an FTE above zero by their FTE (DfE: FTE greater than zero)', async () => {
    const { result, aggregator } = await read(
      census([
        worker({ SWENo: 'SW1', FTE: '1.000000', FTE30: '1.000000', Cases30: '10' }),
        worker({ SWENo: 'SW2', FTE: '0.000000', FTE30: '0.000000', Cases30: '10' }),
        worker({ SWENo: 'SW3', FTE: '0.500000', FTE30: '0.500000', Cases30: '0' }),
      ]),
    );
    if (result.status !== 'accepted') throw new Error('rejected');
    const figures = aggregator.figures(result.laLevel);
    expect(cswwIndicators(figures)['average-caseload']).toEqual({ numerator: 10, denominator: 1 });
    expect(cswwReportFigures(figures).averageCaseload).toBe(10);
  });

  it('gives no rate when the base is zero, and leaves out vacancy and agency rates the census lacks', () => {
    expect(rateOf({ numerator: 0, denominator: 0 }, 100)).toBeNull();
    expect(rateOf(undefined, 100)).toBeNull();
    const indicators = cswwIndicators({
      ...new CswwAggregator(2025).figures({ vacancyFte: null, agencyFte: null, agencyHeadcount: null }),
    });
    expect(Object.keys(indicators).sort()).toEqual([
      'average-caseload',
      'sw-absence-rate',
      'sw-turnover-rate',
    ]);
  });

  it('reads a large generated census streamed in small chunks, with the figures the generator wrote', async () => {
    const generated = generateCensus({ employed: 3000, agency: 300, leavers: 400, seed: 11 });
    const bytes = Buffer.from(generated.xml);
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 777) yield bytes.subarray(at, at + 777);
    }
    const aggregator = new CswwAggregator(2025);
    let seen = 0;
    const result = await readCswwXml(chunks(), {
      fileName: 'big.xml',
      collectionYear: 2025,
      la: '886',
      onWorker: (each) => {
        seen++;
        aggregator.add(each);
        // Nothing personal reaches the aggregates.
        expect(Object.keys(each).sort()).toEqual([
          'agency',
          'cases30',
          'fte',
          'fte30',
          'index',
          'line',
          'orgRole',
          'roleEnd',
          'roleStart',
          'workingDaysLost',
        ]);
      },
    });
    expect(result.status).toBe('accepted');
    if (result.status !== 'accepted') return;
    expect(result.findings.listed).toEqual([]);
    expect(seen).toBe(3700);
    const figures = aggregator.figures(result.laLevel);
    const { expected } = generated;
    expect(figures.workers).toBe(expected.workers);
    expect(figures.inPostHeadcount).toBe(expected.inPostHeadcount);
    expect(figures.inPostFte).toBeCloseTo(expected.inPostFte, 6);
    expect(figures.leaversFte).toBeCloseTo(expected.leaversFte, 6);
    expect(figures.leaversHeadcount).toBe(expected.leaversHeadcount);
    expect(figures.workingDaysLost).toBeCloseTo(expected.workingDaysLost, 4);
    expect(figures.cases).toBe(expected.cases);
    expect(figures.caseHolderFte).toBeCloseTo(expected.caseHolderFte, 6);
    expect(figures.vacancyFte).toBe(expected.vacancyFte);
    expect(figures.agencyFte).toBe(expected.agencyFte);
  });
});

describe('workforce census: files that cannot be read are refused with a reason', () => {
  it('refuses a DOCTYPE or ENTITY declaration before parsing', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x "boom">]>\n${census([worker({})])
      .split('\n')
      .slice(1)
      .join('\n')}`;
    const blocking = await blockingOf(xml);
    expect(blocking.kind).toBe('xml-doctype');
    expect(blocking.message).toMatch(/document type declaration/);
  });

  it('refuses malformed XML with the line', async () => {
    const blocking = await blockingOf('<?xml version="1.0"?>\n<Message>\n<Header>\n</Message>\n');
    expect(blocking.kind).toBe('xml-malformed');
    expect(blocking.message).toMatch(/not well-formed XML \(line \d+/);
  });

  it('refuses a text file that is not XML', async () => {
    const blocking = await blockingOf('CHILD,SEX,DOB\n1,1,01/01/2015\n');
    expect(blocking.kind).toBe('xml-malformed');
    expect(blocking.message).toMatch(/does not look like an XML file/);
  });

  it('refuses an SSDA903 or CIN file, saying what it looks like', async () => {
    const ssda = await blockingOf('<?xml version="1.0"?><EXPSSDA903><CHILD/></EXPSSDA903>');
    expect(ssda.kind).toBe('xml-root');
    expect(ssda.message).toMatch(/looks like an SSDA903 return/);
    const cin = await blockingOf(
      '<?xml version="1.0"?><Message><Header/><Children><Child/></Children></Message>',
    );
    expect(cin.message).toMatch(/looks like a CIN census/);
  });

  it('refuses another council’s census and another year’s', async () => {
    const other = await blockingOf(census([worker({})], HEADER('212')));
    expect(other.kind).toBe('wrong-council');
    expect(other.message).toMatch(/return of council .*\(212\).*submission is for council Kent \(886\)/);
    const year = await blockingOf(census([worker({})], HEADER('886', '2024', '2024-09-30')));
    expect(year.kind).toBe('wrong-year');
    expect(year.message).toMatch(/2024 census.*2025 census/);
    const date = await blockingOf(census([worker({})], HEADER('886', '2025', '2024-09-30')));
    expect(date.kind).toBe('wrong-year');
    expect(date.message).toMatch(/reference date 2024-09-30/);
  });

  it('refuses a census with no workers, an empty file and a binary file', async () => {
    expect((await blockingOf(census([]))).kind).toBe('no-records');
    expect((await blockingOf(census([]))).message).toMatch(/no <CSWWWorker> records/);
    expect((await blockingOf('   \n')).kind).toBe('empty-file');
    expect((await blockingOf(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).message).toMatch(/PDF/);
  });

  it('accepts a reference date a few days out with a warning', async () => {
    const { result } = await read(census([worker({})], HEADER('886', '2025', '2025-09-28')));
    expect(result.status).toBe('accepted');
    expect(result.notices).toEqual([
      expect.objectContaining({
        kind: 'reference-date',
        severity: 'warning',
        message: expect.stringMatching(/2025-09-28/),
      }),
    ]);
  });
});

describe('workforce census: schema and content findings, row by row', () => {
  it('reports a missing required element, an unknown one, one out of order and one too many', async () => {
    const findings = await findingsOf(
      census([
        worker({ SWENo: '<omit>' }),
        `<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW0000000002</SWENo><Shoe>9</Shoe><QualInst>X</QualInst></CSWWWorker>`,
        `<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW0000000003</SWENo><QualInst>X</QualInst><FTE>1.000000</FTE></CSWWWorker>`,
        `<CSWWWorker><AgencyWorker>0</AgencyWorker><AgencyWorker>1</AgencyWorker><SWENo>SW0000000004</SWENo><QualInst>X</QualInst></CSWWWorker>`,
        `<CSWWWorker><AgencyWorker>0<b>1</b></AgencyWorker><SWENo>SW0000000005</SWENo><QualInst>X</QualInst></CSWWWorker>`,
      ]),
    );
    const messages = findings.map((finding) => `${finding.code} ${finding.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^SCHEMA:missing Worker 1: <SWENo> is missing from <CSWWWorker>; it must be given\.$/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^SCHEMA:unexpected Worker 2: <Shoe> is not part of the workforce census inside <CSWWWorker>/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^SCHEMA:unexpected Worker 3: <FTE> is out of order inside <CSWWWorker>: it must come before/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^SCHEMA:too-many Worker 4: <AgencyWorker> appears 2 times in <CSWWWorker>; it may appear at most once/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^SCHEMA:unexpected Worker 5: <AgencyWorker> holds a value, not other elements/),
    );
  });

  it('reports missing LA-level figures and a missing LALevelVacancies', async () => {
    const findings = await findingsOf(
      census(
        [worker({})],
        HEADER(),
        '<LALevelVacancies><NumberOfVacancies>1.00</NumberOfVacancies></LALevelVacancies>',
      ),
    );
    expect(findings.map((finding) => [finding.record, finding.field])).toEqual([
      ['LA level', 'NoAgencyFTE'],
      ['LA level', 'NoAgencyHeadcount'],
    ]);
    const without = await findingsOf(census([worker({})], HEADER(), ''));
    expect(without[0]).toMatchObject({
      code: 'SCHEMA:missing',
      record: 'File',
      field: 'LALevelVacancies',
      message: 'The census: <LALevelVacancies> is missing from <Message>; it must be given.',
    });
  });

  it('checks every value type and says what the value must be', async () => {
    const findings = await findingsOf(
      census([
        worker({
          AgencyWorker: '2',
          FTE: '1.5',
          OrgRole: '7',
          RoleStartDate: '31/01/2020',
          Cases30: 'twelve',
          WorkingDaysLost: '1.234',
        }),
      ]),
    );
    const byField = Object.fromEntries(
      findings
        .filter((finding) => finding.code === 'SCHEMA:invalid')
        .map((finding) => [finding.field, finding.message]),
    );
    expect(byField.AgencyWorker).toBe(
      'Worker 1: <AgencyWorker> is "2"; it must be one of 0 (Not an agency worker), 1 (Agency worker).',
    );
    expect(byField.FTE).toBe(
      'Worker 1: <FTE> is "1.5"; it must be a number from 0 to 1 with at most 6 decimal places.',
    );
    expect(byField.OrgRole).toMatch(/one of 1 \(Senior manager\), .* 6 \(Qualified without cases\)/);
    expect(byField.RoleStartDate).toMatch(/must be a date written yyyy-mm-dd/);
    expect(byField.Cases30).toMatch(/must be a whole number/);
    expect(byField.WorkingDaysLost).toMatch(/at most 2 decimal places/);
  });

  it('never echoes a SWENo or a date of birth, even an invalid one', async () => {
    const findings = await findingsOf(
      census([worker({ SWENo: 'SW12345', PersonBirthDate: '1980-02-30' }), worker({ SWENo: '' })]),
    );
    const swe = findings.filter((finding) => finding.field === 'SWENo');
    expect(swe[0]).toMatchObject({
      value: '',
      message: expect.stringMatching(
        /not valid \(the value is not shown because it identifies a person\); it must be two letters followed by ten digits/,
      ),
    });
    expect(swe[1]).toMatchObject({
      value: '',
      message: 'Worker 2: <SWENo> is empty; it must be two letters followed by ten digits.',
    });
    const birth = findings.find((finding) => finding.field === 'PersonBirthDate')!;
    expect(birth.value).toBe('');
    expect(JSON.stringify(findings)).not.toMatch(/SW12345|1980-02-30/);
  });

  it('reports a worker sent twice, dates that contradict each other, leavers without a reason and negative counts', async () => {
    const findings = await findingsOf(
      census(
        [
          worker({ SWENo: 'SW0000000001' }),
          worker({ SWENo: 'sw0000000001' }),
          worker({
            SWENo: 'SW0000000003',
            RoleStartDate: '2025-05-01',
            RoleEndDate: '2025-04-01',
            ReasonLeave: '1',
          }),
          worker({ SWENo: 'SW0000000004', RoleEndDate: '2024-06-30', ReasonLeave: '1' }),
          worker({ SWENo: 'SW0000000005', RoleEndDate: '2025-06-30' }),
          worker({ SWENo: 'SW0000000006', Cases30: '-3', WorkingDaysLost: '-1.00' }),
        ],
        HEADER(),
        LA_LEVEL('-1.00'),
      ),
    );
    const lines = findings.map((finding) => `${finding.code}|${finding.record}|${finding.message}`);
    expect(lines).toEqual([
      'CSWW:negative|LA level|LA level: NumberOfVacancies is -1; it cannot be negative, so it is left out of the figures.',
      'CSWW:duplicate-worker|Worker 2|Worker 2 has the same social work England number as an earlier worker (the number is not shown). Send each worker once.',
      'CSWW:end-before-start|Worker 3|Worker 3: the role end date 2025-04-01 is before the role start date 2025-05-01. The worker is counted as in post until the dates are corrected.',
      'CSWW:left-before-year|Worker 4|Worker 4 left on 2024-06-30, before the census year began on 2024-10-01. Leave them out of this census; they are not counted.',
      'CSWW:leaver-without-reason|Worker 5|Worker 5 left on 2025-06-30 but has no reason for leaving (ReasonLeave). The worker is still counted as a leaver.',
      'CSWW:negative|Worker 6|Worker 6: Cases30 is -3; a number of cases cannot be negative. It is left out of the caseload.',
      'CSWW:negative|Worker 6|Worker 6: WorkingDaysLost is -1.00; days lost cannot be negative. They are left out of the absence rate.',
    ]);
  });

  it('leaves out a worker who starts after the census date, and says so', async () => {
    // The 2025 census is taken on 30 September 2025: a start on 1 October is after it, on 30 September is not.
    const { result, aggregator, workers } = await read(
      census([
        worker({ SWENo: 'SW0000000001', RoleStartDate: '2025-10-01', FTE: '1.000000' }),
        worker({ SWENo: 'SW0000000002', RoleStartDate: '2025-09-30', FTE: '0.500000' }),
      ]),
    );
    if (result.status !== 'accepted') throw new Error('rejected');
    expect(
      result.findings.listed.map((finding) => `${finding.code}|${finding.record}|${finding.message}`),
    ).toEqual([
      'CSWW:started-after-census|Worker 1|Worker 1 starts on 2025-10-01, after the census date 2025-09-30. Leave them out of this census; they are not counted.',
    ]);
    expect(workers.map((each) => each.index)).toEqual([2]);
    const figures = aggregator.figures(result.laLevel);
    expect(figures.inPostHeadcount).toBe(1);
    expect(figures.inPostFte).toBe(0.5);
  });

  it('reports workers in post with no FTE, and case holders whose cases cannot be counted', async () => {
    const { result, aggregator } = await read(census([worker({ FTE: '<omit>', Cases30: '12' })]));
    if (result.status !== 'accepted') throw new Error('rejected');
    expect(result.findings.listed.map((finding) => finding.code)).toEqual([
      'CSWW:no-fte',
      'CSWW:cases-without-fte',
    ]);
    expect(result.findings.listed[1]!.message).toBe(
      'Worker 1 holds 12 cases at 30 September but has no FTE, so the cases are left out of the average caseload.',
    );
    expect(aggregator.figures(result.laLevel).cases).toBe(0);
  });
});

describe('workforce census: report', () => {
  it('has the figures, totals per check and rows, and no SWENo or date of birth in JSON or CSV', async () => {
    const generated = generateCensus({ employed: 60, agency: 8, leavers: 9, seed: 3 });
    const broken = generated.xml.replace('<Cases30>', '<Cases30>x');
    const aggregator = new CswwAggregator(2025);
    const result = await readCswwXml(Buffer.from(broken), {
      fileName: 'census.xml',
      collectionYear: 2025,
      la: '886',
      onWorker: (each) => aggregator.add(each),
    });
    if (result.status !== 'accepted') throw new Error('rejected');
    const report = buildCouncilLevelReport(
      {
        returnType: 'csww',
        collectionYear: 2025,
        collectionYearLabel: 'census at 30 September 2025',
        format: 'xml',
        file: 'census.xml',
        recordKind: 'workers',
      },
      { status: 'accepted', records: result.workers, findings: result.findings, notices: result.notices },
      { figures: cswwReportFigures(aggregator.figures(result.laLevel)) },
    );
    expect(report.status).toBe('accepted_with_issues');
    expect(report.summary).toBe('The return was read: 77 workers; 1 problem found by 1 check.');
    expect(report.rules).toEqual([{ code: 'SCHEMA:invalid', description: expect.any(String), count: 1 }]);
    expect(report.figures.inPostFte).toBeCloseTo(generated.expected.inPostFte, 6);
    const json = renderCouncilLevelReportJson(report);
    const csv = renderCouncilLevelReportCsv(report);
    expect(csv.startsWith('\uFEFFType,Code,Record,Row,Field,Value,Count,Message\r\n')).toBe(true);
    expect(csv).toMatch(/Row problem,SCHEMA:invalid,Worker 1,\d+,Cases30,x\d+,/);
    for (const identifier of [...generated.sweNumbers, ...generated.birthDates]) {
      expect(json).not.toContain(identifier);
      expect(csv).not.toContain(identifier);
    }
  });

  it('describes each value type in words', () => {
    expect(describeType({ kind: 'year' })).toBe('a year such as 2025');
    expect(describeType({ kind: 'dateTime' })).toMatch(/date and time/);
    expect(describeType({ kind: 'text' })).toBe('some text');
    expect(isValidValue({ kind: 'dateTime' }, '2025-10-14T09:30:00')).toBe(true);
    expect(isValidValue({ kind: 'dateTime' }, '2025-02-30T09:30:00')).toBe(false);
    expect(isValidValue({ kind: 'decimal', decimals: 2 }, '1.5')).toBe(true);
    expect(isValidValue({ kind: 'decimal', decimals: 2 }, '1.555')).toBe(false);
  });
});
