// A CIN census written on one line (as case-management exports often are) still says where each problem is:
// by the child's position and each module's place among its like, with the line only as an extra.
import { describe, expect, it } from 'vitest';
import { readCinReturn } from '../../../shared/domain/cin/engine.ts';
import { buildCinReport, renderCinReportCsv } from '../../../shared/domain/cin/report.ts';

const HEADER = `<Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>886</LEA></Source></Header>`;
const episode = (assessmentStart: string) =>
  `<CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-06-30</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure><Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-03</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments><Assessments><AssessmentActualStartDate>${assessmentStart}</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-20</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments><ReferralNFA>0</ReferralNFA></CINdetails>`;
const child = (id: string, secondEpisode: string) =>
  `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID><UPN>A886123456789</UPN><PersonBirthDate>2015-06-15</PersonBirthDate><Sex>M</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>${episode('2024-05-10')}${secondEpisode}</Child>`;
const oneLine = `<?xml version="1.0" encoding="UTF-8"?><Message>${HEADER}<Children>${child('C1', '')}${child('C2', episode('2024-13-01').replaceAll('2024-05-01', '2024-07-01').replaceAll('2024-06-30', '2024-08-30'))}</Children></Message>`;

describe('locating problems in a CIN census written on one line', () => {
  it('names the child and the module by position, and gives the line as well', async () => {
    expect(oneLine).not.toContain('\n');
    const result = await readCinReturn([{ name: 'cin.xml', body: oneLine }], {
      collectionYear: 2025,
      la: '886',
    });
    const report = buildCinReport(result);
    const dates = report.rows.filter((row) => row.code === 'SCHEMA:date');
    expect(dates.map((row) => [row.location, row.field, row.line])).toEqual([
      ['Child 2, CINdetails 2, Assessments 2, AssessmentActualStartDate', 'AssessmentActualStartDate', 1],
    ]);
    const csv = renderCinReportCsv(report);
    expect(csv).toContain('Child 2, CINdetails 2, Assessments 2, AssessmentActualStartDate');
    const locations = new Set(report.rows.map((row) => row.location));
    expect(locations.size).toBeGreaterThan(1);
  });
});
