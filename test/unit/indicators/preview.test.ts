// The preview of a return's indicators in its validation report: values as the recompute makes them,
// against England and statistical neighbours from the published baseline, in JSON and CSV.
import { describe, expect, it } from 'vitest';
import {
  buildCinReport,
  renderCinReportCsv,
  renderCinReportJson,
} from '../../../shared/domain/cin/report.ts';
import { ENGLAND } from '../../../shared/domain/indicators/baseline.ts';
import { compareWith, describePreview } from '../../../shared/domain/indicators/preview.ts';
import {
  loadNationalBaseline,
  loadStatNeighbours,
} from '../../../shared/domain/indicators/reference-data.ts';
import { findIndicator } from '../../../shared/domain/indicators/register.ts';
import {
  buildCouncilLevelReport,
  FindingCollector,
  renderCouncilLevelReportCsv,
  renderCouncilLevelReportJson,
} from '../../../shared/domain/returns/report.ts';
import { previewIndicators } from '../../../shared/use-cases/indicator-preview.ts';

const baseline = loadNationalBaseline();
const published = (code: string, area: string, period: number) => {
  const value = baseline.cell(code, area, period)?.value;
  return typeof value === 'number' ? value : null;
};
const neighbourMean = (code: string, la: string, period: number, decimals: number) => {
  const values = loadStatNeighbours()
    .of(la)
    .map((other) => published(code, other, period))
    .filter((value): value is number => value !== null);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.round(mean * 10 ** decimals) / 10 ** decimals;
};

describe('indicator preview', () => {
  it('reads better or worse by polarity, higher or lower for context, and same at the published precision', () => {
    const reReferrals = findIndicator('re-referrals')!;
    const timeliness = findIndicator('assessment-timeliness')!;
    const referralRate = findIndicator('referral-rate')!;
    expect(compareWith(25, 20, reReferrals)).toBe('worse');
    expect(compareWith(25, 20, timeliness)).toBe('better');
    expect(compareWith(25, 20, referralRate)).toBe('higher');
    expect(compareWith(15, 20, referralRate)).toBe('lower');
    expect(compareWith(20.04, 20.01, reReferrals)).toBe('same');
    expect(compareWith(20, null, reReferrals)).toBeNull();
  });

  it('gives each figure the return produces with its counts, England and the statistical neighbours', () => {
    const previews = previewIndicators({
      la: '886',
      returnType: 'cin',
      collectionYear: 2025,
      indicators: {
        're-referrals': { numerator: 100, denominator: 400 },
        'referral-rate': { numerator: 9000, denominator: null },
        'not-an-indicator': { numerator: 1, denominator: 2 },
      },
    });
    expect(previews.map((preview) => preview.code)).toEqual(['referral-rate', 're-referrals']);
    const reReferrals = previews.find((preview) => preview.code === 're-referrals')!;
    const england = published('re-referrals', ENGLAND, 2025);
    const neighbours = neighbourMean('re-referrals', '886', 2025, 1);
    expect(england).not.toBeNull();
    expect(reReferrals).toEqual({
      code: 're-referrals',
      name: 'Re-referrals within 12 months',
      unit: 'percent',
      numerator: 100,
      denominator: 400,
      value: 25,
      comparedWith: 2025,
      england,
      statNeighbours: neighbours,
      againstEngland: 25 > england! ? 'worse' : 'better',
      againstStatNeighbours: 25 > neighbours ? 'worse' : 'better',
    });
    const rate = previews.find((preview) => preview.code === 'referral-rate')!;
    expect(rate.denominator).toBe(baseline.cell('referral-rate', '886', 2025)?.denominator);
    expect(rate.againstEngland === 'higher' || rate.againstEngland === 'lower').toBe(true);
  });

  it('compares a year DfE has not published with its latest published year, and previews nothing for no figures', () => {
    const [preview] = previewIndicators({
      la: '886',
      returnType: 'csww',
      collectionYear: 2026,
      indicators: { 'average-caseload': { numerator: 300, denominator: 20 } },
    });
    expect(preview).toMatchObject({ code: 'average-caseload', value: 15, comparedWith: 2025 });
    expect(preview!.england).toBe(published('average-caseload', ENGLAND, 2025));
    expect(previewIndicators({ la: '886', returnType: 'cin', collectionYear: 2025, indicators: {} })).toEqual(
      [],
    );
  });

  it('is in the report as JSON and as one CSV row per indicator, and not in a rejected report', () => {
    const previews = previewIndicators({
      la: '886',
      returnType: 'csww',
      collectionYear: 2025,
      indicators: { 'average-caseload': { numerator: 300, denominator: 20 } },
    });
    const context = {
      returnType: 'csww' as const,
      collectionYear: 2025,
      collectionYearLabel: 'census at 30 September 2025',
      format: 'xml' as const,
      file: 'csww.xml',
      recordKind: 'workers',
    };
    const report = buildCouncilLevelReport(
      context,
      { status: 'accepted', records: 3, findings: new FindingCollector({}), notices: [] },
      { indicators: previews },
    );
    const json = JSON.parse(renderCouncilLevelReportJson(report));
    expect(json.indicators).toEqual(previews);
    const csv = renderCouncilLevelReportCsv(report);
    const england = published('average-caseload', ENGLAND, 2025);
    expect(csv).toContain(`Indicator,average-caseload,,,,15,,"${describePreview(previews[0]!)}"`);
    expect(describePreview(previews[0]!)).toMatch(
      new RegExp(
        `^Average caseload per social worker: 15 \\(300 of 20\\); England ${england} \\((better|worse|same)\\)`,
      ),
    );
    const rejected = buildCouncilLevelReport(
      context,
      { status: 'rejected', blocking: [{ kind: 'x', file: null, message: 'no' }], notices: [] },
      { indicators: previews },
    );
    expect(rejected.indicators).toEqual([]);
  });

  it('is in the CIN report as JSON and CSV too', () => {
    const previews = previewIndicators({
      la: '886',
      returnType: 'cin',
      collectionYear: 2025,
      indicators: { 're-referrals': { numerator: 100, denominator: 400 } },
    });
    const report = buildCinReport(
      {
        status: 'accepted',
        collectionYear: 2025,
        file: 'cin.xml',
        notices: [],
        schema: 'CIN_schema_2024.xsd',
        header: null,
        children: 1,
        findings: [],
        counts: [],
        councilIssues: [],
        totalFindings: 0,
      },
      previews,
    );
    expect(JSON.parse(renderCinReportJson(report)).indicators).toEqual(previews);
    expect(renderCinReportCsv(report)).toContain('Indicator,re-referrals,,,,,,,25,,');
  });
});
