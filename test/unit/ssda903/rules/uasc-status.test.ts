// Rules 105 and 303 check the UASC status that only the XML form's HEADER carries.
import { describe, expect, it } from 'vitest';
import { type DegradedTableRow, degradeChild } from '../../../../shared/domain/ssda903/degrade.ts';
import { type AcceptedReturn, readReturn } from '../../../../shared/domain/ssda903/engine.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule105 } from '../../../../shared/domain/ssda903/rules/rule-105.ts';
import { rule303 } from '../../../../shared/domain/ssda903/rules/rule-303.ts';
import { chunked } from '../helpers/streams.ts';
import { childWith, episode, flagged, header, where } from './helpers.ts';

const uascRow = (DUC: string) => ({ SEX: 'M', DOB: '01/06/2008', DUC });

describe('rule 105: the UASC status is 0 or 1', () => {
  it('accepts 0 and 1', () => {
    for (const UASC of ['0', '1']) {
      expect(flagged(rule105, childWith('C1', { Header: [header({ UASC })] }))).toEqual([]);
    }
  });

  it('flags a status left empty or written otherwise', () => {
    for (const UASC of ['', '2', 'Y', 'yes']) {
      expect(flagged(rule105, childWith('C1', { Header: [header({ UASC })] }))).toEqual(['Header:2:UASC']);
    }
  });

  it('has nothing to check in a CSV Header, which has no UASC status', () => {
    expect(flagged(rule105, childWith('C1', { Header: [header()] }))).toEqual([]);
  });

  it('applies in every year we accept', () => {
    for (const year of [2023, 2026, 2027]) expect(rulesFor(year).map((rule) => rule.code)).toContain('105');
  });
});

describe('rule 303: a date UASC status ceased needs status 1', () => {
  it('accepts status 1 with the date it ceased', () => {
    const child = childWith('C1', { Header: [header({ UASC: '1' })], UASC: [uascRow('01/09/2025')] });
    expect(flagged(rule303, child)).toEqual([]);
  });

  it('flags status 0 with a date it ceased', () => {
    const child = childWith('C1', { Header: [header({ UASC: '0' })], UASC: [uascRow('01/09/2025')] });
    expect(flagged(rule303, child)).toEqual(['Header:2:UASC']);
  });

  it('leaves a blank status with a date it ceased to rule 105: one finding', () => {
    const child = childWith('C1', { Header: [header({ UASC: '' })], UASC: [uascRow('01/09/2025')] });
    expect(flagged(rule303, child)).toEqual([]);
    expect(flagged(rule105, child)).toEqual(['Header:2:UASC']);
  });

  it('accepts status 0 with no date, and status 1 still in force', () => {
    expect(flagged(rule303, childWith('C1', { Header: [header({ UASC: '0' })] }))).toEqual([]);
    const current = childWith('C1', { Header: [header({ UASC: '1' })], UASC: [uascRow('')] });
    expect(flagged(rule303, current)).toEqual([]);
  });

  it('has nothing to check in a CSV return, where the UASC row is the status', () => {
    const child = childWith('C1', { Header: [header()], UASC: [uascRow('01/09/2025')] });
    expect(flagged(rule303, child)).toEqual([]);
  });
});

describe('the XML HEADER’s UASC status reaches the rules', () => {
  const xmlReturn = (headerFields: string): string =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<EXPSSDA903><CHILD><HEADER>',
      `<CHILDID>C1</CHILDID><UPN>A123456789012</UPN><SEX>M</SEX><DOB>01/06/2008</DOB><ETHNIC>WBRI</ETHNIC>${headerFields}`,
      '<MOTHER/><MC_DOB/></HEADER>',
      '<EPISODE>',
      ...Object.entries(episode({ PLACE: 'K2', PLACE_PROVIDER: 'PR2' })).map(([field, value]) => {
        const name = field === 'PLACE' ? 'PL' : field;
        return value === '' ? `<${name}/>` : `<${name}>${value}</${name}>`;
      }),
      '</EPISODE></CHILD></EXPSSDA903>',
    ].join('');

  async function uascFindings(headerFields: string): Promise<string[]> {
    const result = await readReturn([{ name: 'return.xml', body: chunked(xmlReturn(headerFields)) }], {
      collectionYear: 2026,
      rules: rulesFor(2026),
    });
    expect(result.status).toBe('accepted');
    return (result as AcceptedReturn).findings
      .filter((found) => found.field === 'UASC')
      .map((found) => `${found.code} ${where(found)} "${found.value}"`);
  }

  it('reports an empty status (105) and status 0 with a date it ceased (303)', async () => {
    expect(await uascFindings('<UASC/>')).toEqual(['105 Header:1:UASC ""']);
    expect(await uascFindings('<UASC>0</UASC><DUC>01/09/2025</DUC>')).toEqual(['303 Header:1:UASC "0"']);
    expect(await uascFindings('<UASC>3</UASC>')).toEqual(['105 Header:1:UASC "3"']);
    // The XSD requires the element: a HEADER without it is read as a blank status.
    expect(await uascFindings('')).toEqual(['105 Header:1:UASC ""']);
    expect(await uascFindings('<UASC/><DUC>01/09/2025</DUC>')).toEqual(['105 Header:1:UASC ""']);
  });

  it('accepts a well-formed status', async () => {
    expect(await uascFindings('<UASC>0</UASC>')).toEqual([]);
    expect(await uascFindings('<UASC>1</UASC><DUC>01/09/2025</DUC>')).toEqual([]);
  });

  it('does not keep the status in the degraded copy', async () => {
    const degraded: DegradedTableRow[] = [];
    await readReturn([{ name: 'return.xml', body: chunked(xmlReturn('<UASC>1</UASC>')) }], {
      collectionYear: 2026,
      rules: rulesFor(2026),
      onChild: (child) => {
        expect(Object.keys(child.rows.Header?.[0]?.values ?? {})).toContain('UASC');
        degraded.push(...degradeChild(child, Buffer.alloc(32, 7)));
      },
    });
    const headerRow = degraded.find((row) => row.table === 'Header');
    expect(headerRow).toBeDefined();
    expect(Object.keys(headerRow!.values)).not.toContain('UASC');
  });
});
