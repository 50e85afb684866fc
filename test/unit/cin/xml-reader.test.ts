// The CIN census reader and the structure checks: streaming, refusals, and the census year's schema.
import { describe, expect, it } from 'vitest';
import { readCinReturn } from '../../../shared/domain/cin/engine.ts';
import { cinSchemaForYear } from '../../../shared/domain/cin/schema.ts';
import { type CinXmlItem, readCinXml } from '../../../shared/domain/cin/xml-reader.ts';

const HEADER = `<Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>886</LEA></Source></Header>`;

function childXml(
  options: { sex?: string; extra?: string; episodeExtra?: string; id?: string } = {},
): string {
  const sex = options.sex ?? '<Sex>M</Sex>';
  return `<Child>
  <ChildIdentifiers><LAchildID>${options.id ?? 'C1'}</LAchildID><UPN>A886123456789</UPN><PersonBirthDate>2015-06-15</PersonBirthDate>${sex}</ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
  <CINdetails>
    <CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
    <Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-03</AssessmentAuthorisationDate>
      <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
    <ReferralNFA>0</ReferralNFA>${options.episodeExtra ?? ''}
  </CINdetails>${options.extra ?? ''}
</Child>`;
}

const message = (children: string, header = HEADER) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Message>${header}<Children>${children}</Children></Message>`;

async function read(xml: string, year = 2025): Promise<CinXmlItem[]> {
  const items: CinXmlItem[] = [];
  for await (const item of readCinXml(xml, { fileName: 'cin.xml', schema: cinSchemaForYear(year) }))
    items.push(item);
  return items;
}

const schemaCodes = (items: CinXmlItem[]) =>
  items.flatMap((item) => item.findings.map((finding) => finding.code));

describe('reading a CIN census file', () => {
  it('reads the header and each child into the census modules', async () => {
    const items = await read(message(childXml() + childXml({ id: 'C2' })));
    expect(items.map((item) => item.kind)).toEqual(['header', 'child', 'child']);
    const header = items[0]!.kind === 'header' ? items[0]!.header : null;
    expect(header).toMatchObject({ collection: 'CIN', referenceDate: '2025-03-31', lea: '886' });
    const child = items[1]!.kind === 'child' ? items[1]!.child : null;
    expect(child).toMatchObject({ ordinal: 1, laChildId: 'C1', sex: 'M', disabilities: ['NONE'] });
    expect(child!.episodes[0]!.assessments[0]).toMatchObject({ start: '2024-05-02', factors: ['2A'] });
    expect(schemaCodes(items)).toEqual([]);
  });

  it('hands over each child before reading the rest of the file (streaming, not a whole-file tree)', async () => {
    const one = childXml();
    let consumed = 0;
    const chunks = [
      message('').replace('</Children></Message>', ''),
      ...Array.from({ length: 1000 }, () => one),
      '</Children></Message>',
    ];
    async function* source() {
      for (const chunk of chunks) {
        consumed++;
        yield Buffer.from(chunk);
      }
    }
    let consumedAtFirstChild = 0;
    let children = 0;
    for await (const item of readCinXml(source(), { fileName: 'big.xml', schema: cinSchemaForYear(2025) })) {
      if (item.kind !== 'child') continue;
      children++;
      if (children === 1) consumedAtFirstChild = consumed;
    }
    expect(children).toBe(1000);
    // The text decoder looks at the first 64 KiB to tell the encoding; after that, children flow one by one.
    expect(consumedAtFirstChild * one.length).toBeLessThan(80 * 1024);
    expect(consumedAtFirstChild).toBeLessThan(chunks.length / 5);
  });

  it('checks the element that holds sex by census year: GenderCurrent until 2023/24, Sex from 2024/25', async () => {
    const modern = await read(message(childXml({ sex: '<GenderCurrent>1</GenderCurrent>' })), 2025);
    expect(schemaCodes(modern)).toEqual(['SCHEMA:element-name']);
    const old = await read(message(childXml({ sex: '<GenderCurrent>1</GenderCurrent>' })), 2024);
    expect(schemaCodes(old)).toEqual([]);
    const oldWithSex = await read(message(childXml()), 2024);
    expect(schemaCodes(oldWithSex)).toEqual(['SCHEMA:element-name']);
    const badGender = await read(message(childXml({ sex: '<GenderCurrent>M</GenderCurrent>' })), 2024);
    expect(schemaCodes(badGender)).toEqual(['SCHEMA:gender']);
  });

  it('accepts a PreProceedings block and says so in a notice', async () => {
    const block =
      '<PreProceedings><PreProceedingsStartDate>2024-07-01</PreProceedingsStartDate><Anything>x</Anything></PreProceedings>';
    const items = await read(message(childXml({ episodeExtra: block })));
    expect(schemaCodes(items)).toEqual([]);
    const result = await readCinReturn([{ name: 'cin.xml', body: message(childXml({ extra: block })) }], {
      collectionYear: 2025,
    });
    expect(result.status).toBe('accepted');
    if (result.status === 'accepted')
      expect(result.notices.map((notice) => notice.kind)).toContain('pre-proceedings');
  });

  it('accepts the pre-proceedings block under the names councils\u2019 tools write, and checks its dates', async () => {
    for (const name of ['PreProceedings', 'PreProceedingsandFGDM', 'PreProceedingsAndFGDM']) {
      const good = `<${name}><PreProceedingsStartDate>2024-07-01</PreProceedingsStartDate><FGDMOffered>1</FGDMOffered></${name}>`;
      expect(schemaCodes(await read(message(childXml({ episodeExtra: good })))), name).toEqual([]);
      expect(schemaCodes(await read(message(childXml({ extra: good })))), name).toEqual([]);
      const bad = `<${name}>\n<PreProceedingsStartDate>01/07/2024</PreProceedingsStartDate>oops</${name}>`;
      const findings = (await read(message(childXml({ episodeExtra: bad })))).flatMap(
        (item) => item.findings,
      );
      expect(
        findings.map((finding) => [finding.code, finding.module, finding.field, finding.value]),
        name,
      ).toEqual([
        ['SCHEMA:stray-text', name, name, 'oops'],
        ['SCHEMA:date', name, 'PreProceedingsStartDate', '01/07/2024'],
      ]);
    }
  });

  it('reports unknown, missing, repeated and mistyped elements, and stray text', async () => {
    const items = await read(
      message(
        childXml({
          episodeExtra:
            '<Section47><InitialCPCtarget>2024-13-01</InitialCPCtarget><ICPCnotRequired>maybe</ICPCnotRequired></Section47><Colour>blue</Colour><ReferralNFA>1</ReferralNFA>',
        }).replace('<Ethnicity>WBRI</Ethnicity>', '<Ethnicity>WBRI</Ethnicity>oops'),
      ),
    );
    expect(schemaCodes(items).sort()).toEqual(
      [
        'SCHEMA:date',
        'SCHEMA:repeated-element',
        'SCHEMA:stray-text',
        'SCHEMA:unexpected-element',
        'SCHEMA:yesno',
      ].sort(),
    );
    const missing = await read(
      message(childXml().replace(/<ChildCharacteristics>.*<\/ChildCharacteristics>/, '')),
    );
    expect(schemaCodes(missing)).toEqual(['SCHEMA:missing-element']);
  });
});

describe('refusing what cannot be read', () => {
  const blocking = async (body: string | Buffer, name = 'cin.xml') => {
    const result = await readCinReturn([{ name, body }], { collectionYear: 2025 });
    expect(result.status).toBe('rejected');
    return result.status === 'rejected' ? result.blocking : [];
  };

  it('refuses a DOCTYPE or ENTITY declaration before parsing', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>${message(childXml()).replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    const [error] = await blocking(xxe);
    expect(error).toMatchObject({ kind: 'xml-doctype' });
    expect(error!.message).toMatch(/document type declaration/);
    const bomb = `<!ENTITY lol "lol"><Message/>`;
    expect((await blocking(bomb))[0]!.kind).toBe('xml-doctype');
  });

  it('refuses malformed XML with its line', async () => {
    const [error] = await blocking(message(childXml()).replace('</CINdetails>', ''));
    expect(error!.kind).toBe('xml-malformed');
    expect(error!.message).toMatch(/line \d+/);
  });

  it('refuses other returns with a pointer to the right one', async () => {
    expect((await blocking('<EXPSSDA903><CHILD/></EXPSSDA903>'))[0]!.message).toMatch(/ssda903 submission/);
    expect((await blocking('<Message><Header/><LALevelVacancies/></Message>'))[0]!.message).toMatch(
      /workforce census/,
    );
  });

  it('refuses files that are not XML, more than one file, an empty file and a file with no children', async () => {
    expect((await blocking('CHILD,SEX\n1,M\n', 'cin.csv'))[0]!.kind).toBe('unsupported-file');
    expect((await blocking(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), 'cin.zip'))[0]!.message).toMatch(/ZIP/);
    const two = await readCinReturn(
      [
        { name: 'a.xml', body: message(childXml()) },
        { name: 'b.xml', body: message(childXml()) },
      ],
      { collectionYear: 2025 },
    );
    expect(two.status === 'rejected' && two.blocking[0]!.kind).toBe('mixed-upload');
    expect((await blocking('   '))[0]!.kind).toBe('unsupported-file');
    expect((await blocking(message('')))[0]!.message).toMatch(/no <Child> records/);
  });
});
