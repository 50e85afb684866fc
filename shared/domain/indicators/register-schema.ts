// Domain: the rules every indicator register must keep, as a zod schema — used by the register's tests
// and by anything that accepts an edited register (the administrator manages it).
import * as z from 'zod';
import { PUBLISHED_FILES, type PublishedFileId } from './published-sources.ts';

/** The files whose values may stand for each return (numerators and denominators may come from any). */
const FILES_BY_RETURN: Readonly<Record<'cin' | 'ssda903' | 'csww', readonly PublishedFileId[]>> = {
  cin: ['ees-b1', 'ees-c1', 'ees-d3', 'ees-d5', 'lait'],
  ssda903: [
    'ees-cla-rates',
    'ees-placement-stability',
    'ees-sw-changes',
    'ees-care-leavers-accommodation',
    'ees-care-leavers-activity',
    'lait',
  ],
  csww: ['ees-csww', 'lait'],
};

/** The earliest and latest published years the baseline covers. */
const PUBLISHED_YEARS = { first: 2013, last: 2025 } as const;

const eesFileIds = Object.keys(PUBLISHED_FILES).filter((id) => id !== 'lait') as [string, ...string[]];

const eesColumn = z.object({
  file: z.enum(eesFileIds),
  where: z.record(z.string(), z.string().min(1)).optional(),
  column: z.string().min(1),
});

const laitMeasure = z.object({ file: z.literal('lait'), measure: z.string().min(1) });

const year = z.number().int().min(PUBLISHED_YEARS.first).max(PUBLISHED_YEARS.last);

const mapping = z
  .object({
    from: year,
    to: year,
    value: z.union([eesColumn, laitMeasure]),
    numerator: eesColumn.optional(),
    denominator: z.union([eesColumn, z.object({ sumOf: z.array(eesColumn).min(2) })]).optional(),
  })
  .refine((m) => m.from <= m.to, { message: 'a mapping must not end before it starts' });

const disclosure = z.object({
  id: z.enum(['child-counts', 'population-rate', 'workforce-fte']),
  suppressCountsBetween: z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable(),
  secondarySuppression: z.boolean(),
  roundTotalsTo: z.number().int().positive().nullable(),
  decimals: z.number().int().min(0).max(3),
  description: z.string().min(20),
});

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'codes are kebab-case'),
    name: z.string().min(3),
    domain: z.enum(['front-door', 'child-protection', 'children-in-care', 'care-leavers', 'workforce']),
    definition: z.string().min(20),
    sourceReturn: z.enum(['cin', 'ssda903', 'csww']),
    periodBasis: z.enum(['year-to-31-march', 'at-31-march', 'year-to-30-september', 'at-30-september']),
    numerator: z.string().min(3),
    denominator: z.string().min(3),
    unit: z.enum(['percent', 'per10k', 'ratio', 'count']),
    decimals: z.number().int().min(0).max(3),
    polarity: z.enum(['higherBetter', 'higherWorse', 'context']),
    polarityNote: z.string().min(10).optional(),
    minimumDenominator: z.number().int().positive().nullable(),
    disclosure,
    funnelEligible: z.boolean(),
    published: z.array(mapping),
    laitMeasure: z.string().min(1).optional(),
  })
  .superRefine((indicator, context) => {
    const issue = (message: string) =>
      context.addIssue({ code: 'custom', message: `${indicator.code}: ${message}` });
    if (indicator.funnelEligible && indicator.unit !== 'percent') {
      issue('only percentages of children can have funnel limits');
    }
    if (indicator.unit === 'per10k' && indicator.minimumDenominator !== null) {
      issue('a population rate has no minimum denominator');
    }
    if (indicator.sourceReturn === 'csww') {
      if (indicator.disclosure.id !== 'workforce-fte')
        issue('workforce indicators use the workforce-fte rule');
      if (!indicator.periodBasis.endsWith('september'))
        issue('the workforce census is taken at 30 September');
    } else if (indicator.periodBasis.endsWith('september')) {
      issue('CIN and SSDA903 periods end on 31 March');
    }
    const allowedFiles = FILES_BY_RETURN[indicator.sourceReturn];
    const spans = [...indicator.published].sort((a, b) => a.from - b.from);
    for (const [index, span] of spans.entries()) {
      const previous = spans[index - 1];
      if (previous && span.from <= previous.to) issue(`published mappings overlap in ${span.from}`);
      if (!allowedFiles.includes(span.value.file as PublishedFileId)) {
        issue(`${span.value.file} does not publish ${indicator.sourceReturn} figures`);
      }
      if ('measure' in span.value && indicator.laitMeasure !== span.value.measure) {
        issue('a LAIT mapping must read the indicator’s own LAIT measure');
      }
    }
  });

/** A whole register: valid entries with unique codes and unique names. */
export const registerSchema = z.array(indicatorSchema).superRefine((indicators, context) => {
  const seenCodes = new Set<string>();
  const seenNames = new Set<string>();
  for (const indicator of indicators) {
    if (seenCodes.has(indicator.code))
      context.addIssue({ code: 'custom', message: `duplicate code ${indicator.code}` });
    if (seenNames.has(indicator.name))
      context.addIssue({ code: 'custom', message: `duplicate name ${indicator.name}` });
    seenCodes.add(indicator.code);
    seenNames.add(indicator.name);
  }
});
