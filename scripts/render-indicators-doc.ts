// Script: renders the indicator register into docs/indicators.md.
//
// Usage: npx tsx scripts/render-indicators-doc.ts
// The document is generated: edit shared/domain/indicators/register.ts and re-run this script. A unit
// test fails when the committed document differs from what this script renders.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MISSING_SYMBOLS } from '../shared/domain/indicators/published-figures.ts';
import { OGL_ATTRIBUTION, PUBLISHED_FILES } from '../shared/domain/indicators/published-sources.ts';
import {
  type EesColumn,
  INDICATORS,
  type IndicatorDefinition,
  type LaitMeasure,
  type Polarity,
  type PublishedMapping,
} from '../shared/domain/indicators/register.ts';
import {
  type DefinitionCheck,
  RETURN_DEFINITIONS,
  type ReturnDefinition,
} from '../shared/domain/indicators/return-definitions.ts';
import { JOINT_RETURNS, SUPERSEDED_CODES } from '../shared/domain/indicators/superseded-codes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INDICATORS_DOC_PATH = path.join(repoRoot, 'docs', 'indicators.md');

const POLARITY_WORDS: Readonly<Record<Polarity, string>> = {
  higherBetter: 'higher is better',
  higherWorse: 'higher is worse',
  context: 'context (not rated)',
};

const UNIT_WORDS: Readonly<Record<IndicatorDefinition['unit'], string>> = {
  percent: 'percentage',
  per10k: 'rate per 10,000 children',
  ratio: 'ratio',
  count: 'count',
};

const PERIOD_WORDS: Readonly<Record<IndicatorDefinition['periodBasis'], string>> = {
  'year-to-31-march': 'year to 31 March',
  'at-31-march': 'snapshot at 31 March',
  'year-to-30-september': 'year to 30 September',
  'at-30-september': 'snapshot at 30 September',
};

const DOMAIN_WORDS: Readonly<Record<IndicatorDefinition['domain'], string>> = {
  'front-door': 'Front door and assessment',
  'child-protection': 'Child protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  workforce: 'Workforce',
};

const RETURN_WORDS: Readonly<Record<IndicatorDefinition['sourceReturn'], string>> = {
  cin: 'CIN census',
  ssda903: 'SSDA903',
  csww: 'Workforce census (CSWW)',
};

/** Escapes the characters that would break a Markdown table cell. */
const cell = (text: string) => text.replaceAll('|', '\\|');

function describeColumn(ref: EesColumn | LaitMeasure): string {
  if (ref.file === 'lait') return `LAIT measure \`${ref.measure}\` (\`${PUBLISHED_FILES.lait.path}\`)`;
  const where = ref.where
    ? ` where ${Object.entries(ref.where)
        .map(([column, value]) => `\`${column}\` = "${value}"`)
        .join(' and ')}`
    : '';
  return `\`${PUBLISHED_FILES[ref.file].path}\` column \`${ref.column}\`${where}`;
}

function describeMapping(mapping: PublishedMapping): string[] {
  const years = mapping.from === mapping.to ? `${mapping.from}` : `${mapping.from}\u2013${mapping.to}`;
  const lines = [`- ${years}: value from ${describeColumn(mapping.value)}`];
  if (mapping.numerator) lines.push(`  - numerator: ${describeColumn(mapping.numerator)}`);
  if (mapping.denominator) {
    const text =
      'sumOf' in mapping.denominator
        ? `sum of ${mapping.denominator.sumOf.map(describeColumn).join(' + ')}`
        : describeColumn(mapping.denominator);
    lines.push(`  - denominator: ${text}`);
  }
  return lines;
}

function baselineYears(indicator: IndicatorDefinition): string {
  if (indicator.published.length === 0) return 'none';
  const from = Math.min(...indicator.published.map((mapping) => mapping.from));
  const to = Math.max(...indicator.published.map((mapping) => mapping.to));
  return from === to ? `${from}` : `${from}\u2013${to}`;
}

function baselineSources(indicator: IndicatorDefinition): string {
  const names = indicator.published.map((mapping) => (mapping.value.file === 'lait' ? 'LAIT' : 'EES'));
  return [...new Set(names)].join(' + ') || '\u2014';
}

const METHODS = `## How values are benchmarked

Each council's value for a period is compared with every council's value for the same period. For a
period DfE has not published yet (an early upload), the comparison uses the latest published period,
and the result says which period it used. The functions live in \`shared/domain/indicators/benchmarks.ts\`.

- **Which value.** A council can have three values for a period: *uploaded* (computed from its own
  statutory return), *published* (DfE's figure, in the national baseline) and *in-year* (from the
  monthly core dataset). The uploaded value is used first, then the published one, then the in-year
  one; all three are kept so a view can show where they differ. A published symbol (for example \`c\`,
  suppressed) is never read as zero.
- **Quartile band (A\u2013D, A best).** As DfE's Local Authority Interactive Tool (LAIT) computes it: the
  cut points are the minimum, lower quartile, median, upper quartile and maximum of all councils'
  values, using R's default quantile method (type 7: the p-quantile sits at position (n \u2212 1)\u00b7p in the
  sorted values, counting from 0, interpolating linearly between neighbours). A value up to and
  including the lower quartile is in the lowest quarter, above it up to and including the median in the
  second, and so on. Where higher is worse the lowest quarter is A; where higher is better the highest
  quarter is A. A value exactly on a cut point joins the lower-valued quarter. Context indicators get no
  band. With fewer than 4 values there are no bands.
- **National rank (1 = best).** One more than the number of councils strictly better, so tied councils
  share the better rank. Context indicators are not ranked.
- **Change on the previous period.** Current minus previous, in the indicator's unit (percentage points
  for percentages), read as *improved*, *worsened* or *unchanged* by polarity, or *context*. No change is
  given when either value is missing.
- **Statistical neighbours.** The mean (as LAIT shows) and the median (as DfE's newer dashboards show) of
  the values of the council's 10 DfE statistical neighbours (May 2025 model), leaving out neighbours
  without a value; the number used is reported.
- **Region and England.** DfE's published regional and England values for the period.
- **Funnel-plot limits (Spiegelhalter 2005).** For proportions of children with a known denominator n,
  around England's proportion p0 for the period: p0 \u00b1 z\u00b7\u221a(p0(1 \u2212 p0)/n), with z = 1.96 (95%) and
  z = 3.09 (99.8%), clipped to [0, 1]. This is the normal approximation to the binomial; it is rough for
  very small n and collapses onto p0 when p0 is 0 or 1. A council is *above*, *within* or *below* each
  pair of limits (a value on a limit is within). The observed proportion uses the published counts when
  there are any, otherwise the published percentage.
- **Small numbers.** Each indicator has a minimum denominator below which a council's value is flagged
  as too small to show on its own; such values still count in national distributions, as in LAIT.
`;

const FROM_RETURNS = `## From the council's own return

Each indicator is worked out from the council's uploaded return as DfE defines it in the statistical
release and the LAIT data dictionary entry named under the indicator. The code is in
\`shared/domain/cin/aggregates.ts\`, \`shared/domain/ssda903/aggregates.ts\` and
\`shared/domain/workforce/csww-aggregates.ts\`; each exclusion and edge case below names the unit test
that holds it. The validation report previews these figures for the council before the deadline.

- **Durations.** DfE's LAIT entry for child protection plans lasting 2 years or more defines 2 years as
  more than 729 calendar days counting the days at both ends. The same convention is used for every
  duration: 365 days to a year, the first and last day both counted, so 2 years is 730 days and 2.5 years
  is 913 days (912.5 rounded up) (\`shared/domain/indicators/durations.ts\`).
- **Year boundaries.** A CIN or SSDA903 year runs from 1 April to 31 March, both days included; a
  snapshot "at 31 March" takes what was open at the end of 31 March (an episode that ended on 31 March is
  not open).
- **Drift from DfE's figure.** Once DfE publishes its figure for the same year, the recompute compares
  it with the uploaded value and records the gap on the indicator result when it is beyond the tolerance
  (\`shared/domain/indicators/drift.ts\`): 1 percentage point for percentages, 2% of DfE's rate for rates
  per 10,000, 0.5 for the average caseload. The uploaded value is still the one used; the risk rating's
  inputs and drivers say so and give DfE's figure beside it.
`;

const checkLine = (check: DefinitionCheck) => `  - ${check.rule} (test: \`${check.file}\`, "${check.test}")`;

function fromReturnLines(indicator: IndicatorDefinition, definition: ReturnDefinition | undefined): string[] {
  if (!definition) return ['- From the return: not described'];
  const lait = indicator.laitMeasure ? `; LAIT data dictionary entry \`${indicator.laitMeasure}\`` : '';
  const lines = [`- Defined by: ${definition.release}${lait} ("${definition.laitEntry}")`];
  if (!definition.produced) {
    lines.push(`- From the return: not produced. ${definition.why}`);
    return lines;
  }
  lines.push('- From the return: produced');
  if (definition.exclusions.length > 0) lines.push('- Exclusions:', ...definition.exclusions.map(checkLine));
  if (definition.edgeCases.length > 0) lines.push('- Edge cases:', ...definition.edgeCases.map(checkLine));
  if (definition.limits) lines.push(`- Limits: ${definition.limits}`);
  return lines;
}

export function renderIndicatorsDoc(indicators: readonly IndicatorDefinition[] = INDICATORS): string {
  const lines: string[] = [
    '# Indicators',
    '',
    '<!-- Generated by scripts/render-indicators-doc.ts from shared/domain/indicators/register.ts. Do not edit by hand. -->',
    '',
    'The indicator register: what each indicator measures, how it reads, where DfE publishes it, and the',
    'years of the national baseline (`shared/reference/baseline/national-baseline.json`, built by',
    '`scripts/build-baseline.ts`). Periods are named by the year they end in: for CIN and SSDA903',
    'indicators 2025 is the year to (or the snapshot at) 31 March 2025; for workforce indicators it is',
    "30 September 2025. In the table, EES is DfE's Explore education statistics files and LAIT is DfE's",
    'Local Authority Interactive Tool benchmark dataset; where both publish a figure, EES is read.',
    '',
    '| code | indicator | domain | return | unit | reads | baseline | source |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const indicator of indicators) {
    lines.push(
      `| \`${indicator.code}\` | ${cell(indicator.name)} | ${DOMAIN_WORDS[indicator.domain]} | ` +
        `${RETURN_WORDS[indicator.sourceReturn]} | ${UNIT_WORDS[indicator.unit]} | ` +
        `${POLARITY_WORDS[indicator.polarity]} | ${baselineYears(indicator)} | ${baselineSources(indicator)} |`,
    );
  }
  const notProduced = indicators.filter(
    (indicator) => RETURN_DEFINITIONS[indicator.code]?.produced === false,
  );
  lines.push('', METHODS, FROM_RETURNS);
  if (notProduced.length > 0) {
    lines.push('Not produced from returns (benchmarked on DfE\u2019s published figure only):', '');
    for (const indicator of notProduced) {
      const definition = RETURN_DEFINITIONS[indicator.code];
      if (definition && !definition.produced) lines.push(`- \`${indicator.code}\`: ${definition.why}`);
    }
    lines.push('');
  }
  lines.push('## Definitions', '');

  for (const indicator of indicators) {
    lines.push(`### ${indicator.name} (\`${indicator.code}\`)`, '', indicator.definition, '');
    lines.push(`- Numerator: ${indicator.numerator}`);
    lines.push(`- Denominator: ${indicator.denominator}`);
    lines.push(
      `- Unit: ${UNIT_WORDS[indicator.unit]}, published to ${indicator.decimals} decimal place` +
        `${indicator.decimals === 1 ? '' : 's'}`,
    );
    lines.push(`- Period: ${PERIOD_WORDS[indicator.periodBasis]} (${RETURN_WORDS[indicator.sourceReturn]})`);
    lines.push(
      `- Reads: ${POLARITY_WORDS[indicator.polarity]}${indicator.polarityNote ? `. ${indicator.polarityNote}` : ''}`,
    );
    lines.push(
      `- Minimum denominator for display: ${indicator.minimumDenominator === null ? 'not applicable' : indicator.minimumDenominator}`,
    );
    lines.push(`- Disclosure (\`${indicator.disclosure.id}\`): ${indicator.disclosure.description}`);
    lines.push(`- Funnel-plot limits: ${indicator.funnelEligible ? 'yes (a proportion of children)' : 'no'}`);
    if (indicator.laitMeasure) lines.push(`- LAIT measure: \`${indicator.laitMeasure}\``);
    lines.push(...fromReturnLines(indicator, RETURN_DEFINITIONS[indicator.code]));
    if (indicator.published.length === 0) {
      lines.push('- Published baseline: none (DfE publishes no council-level figure for this indicator)');
    } else {
      lines.push('- Published baseline:');
      for (const mapping of indicator.published)
        lines.push(...describeMapping(mapping).map((line) => `  ${line}`));
    }
    lines.push('');
  }

  lines.push('## Missing values', '');
  lines.push(
    'DfE prints a symbol where a figure is withheld or does not exist. The baseline keeps the symbol and',
  );
  lines.push('its reason; it is never read as zero.', '');
  lines.push('| symbol | reason |', '| --- | --- |');
  for (const [symbol, reason] of Object.entries(MISSING_SYMBOLS)) lines.push(`| \`${symbol}\` | ${reason} |`);

  lines.push('', '## Council codes', '');
  lines.push(
    'Codes retired by local government reorganisation (`shared/domain/indicators/superseded-codes.ts`):',
    '',
  );
  lines.push('| code | council | replaced by | from | note |', '| --- | --- | --- | --- | --- |');
  for (const entry of SUPERSEDED_CODES) {
    if (entry.kind === 'council') {
      lines.push(
        `| ${entry.la} (${entry.ons}) | ${entry.name} | ${entry.successors.join(', ')} | ${entry.effective} | ${cell(entry.note)} |`,
      );
    } else {
      lines.push(
        `| ${entry.ons} | ${entry.name} (${entry.la}) | ${entry.successor} | \u2014 | ${cell(entry.note)} |`,
      );
    }
  }
  lines.push('', 'Joint workforce returns (the published value is given to both councils):', '');
  for (const joint of JOINT_RETURNS) lines.push(`- ${joint.councils.join(' and ')}: ${joint.note}`);

  lines.push('', '## Sources and attribution', '');
  lines.push(`${OGL_ATTRIBUTION}`, '');
  for (const file of Object.values(PUBLISHED_FILES)) {
    lines.push(
      `- \`${file.path}\` \u2014 ${file.title}. ${file.publication}; ${file.publisher}. Obtained from ${file.obtainedFrom}.`,
    );
  }
  lines.push(
    '- `stat_neighbours_may2025.csv` \u2014 DfE statistical neighbours (May 2025). Obtained from',
    '  dfe-analytical-services/local-authority-interactive-tool : 01_data/02_prod/sn_may_2025.xlsx @ b3494e3d.',
    '- `lait_data_dictionary.csv` \u2014 LAIT data dictionary (definitions and polarity), used to cross-check',
    '  the register. Obtained from dfe-analytical-services/local-authority-interactive-tool :',
    '  01_data/02_prod/lait_data_dictionary.csv.',
    '',
  );
  return lines.join('\n');
}

function main(): void {
  writeFileSync(INDICATORS_DOC_PATH, renderIndicatorsDoc());
  console.log(`wrote ${path.relative(repoRoot, INDICATORS_DOC_PATH)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
