// Domain: synthetic returns for any council and collection year, the same for the same seed. Used by
// `upstream generate`, the demo world at first start and the benchmarks; nothing in them is real.
import type { NationalBaseline } from '../indicators/baseline.ts';
import type { ReturnType } from '../returns/catalogue.ts';
import { generateCin } from './cin.ts';
import { asNdjson, generateCscapiStretch } from './cscapi.ts';
import { generateCsww } from './csww.ts';
import { findFaults } from './faults.ts';
import { generateInYear, type Strain } from './inyear.ts';
import { Random } from './random.ts';
import { FILE_NAMES, type GeneratedFile, generateSsda903 } from './ssda903.ts';
import { asXmlReturn } from './ssda903-xml.ts';
import { Targets } from './targets.ts';

export { FAULTS, type Fault, faultsFor } from './faults.ts';
export type { GeneratedFile } from './ssda903.ts';

export interface GenerateRequest {
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly la: string;
  readonly seed: number;
  /** Multiplies the number of children and workers (1: the council's published size). */
  readonly scale?: number;
  /** Names of faults to plant (faults.ts). */
  readonly faults?: readonly string[];
  /** In-year returns: which months to write (0 is April), and how strained each month is. */
  readonly months?: readonly number[];
  readonly strain?: Strain;
  /** CSC API payloads only: how many daily deltas follow the full payload (default 7). */
  readonly days?: number;
  /** SSDA903 only: CSV files (the default) or one XML file in the EXPSSDA903 form. */
  readonly format?: 'csv' | 'xml';
}

const SSDA903_TABLE_OF_FILE = new Map(
  Object.entries(FILE_NAMES).map(([table, name]) => [name, table as keyof typeof FILE_NAMES]),
);

/** The files of one return. Throws a RangeError for an unknown fault. */
export function generateReturn(request: GenerateRequest, baseline: NationalBaseline): GeneratedFile[] {
  const faults = findFaults(request.returnType, request.faults ?? []);
  const root = new Random(request.seed);
  const random = root.fork(`${request.returnType}|${request.la}|${request.collectionYear}`);
  const targets = new Targets(baseline, request.la, request.collectionYear);
  const common = {
    la: request.la,
    year: request.collectionYear,
    random,
    targets,
    ...(request.scale ? { scale: request.scale } : {}),
  };
  let files: GeneratedFile[];
  switch (request.returnType) {
    case 'ssda903':
      files = generateSsda903(common);
      break;
    case 'cin':
      files = generateCin(common);
      break;
    case 'csww':
      files = generateCsww(common);
      break;
    case 'inyear':
      files = generateInYear({
        ...common,
        ...(request.months ? { months: request.months } : {}),
        ...(request.strain ? { strain: request.strain } : {}),
      });
      break;
    case 'cscapi':
      // One file a day: the full payload as the year starts, then the daily deltas.
      files = generateCscapiStretch({
        ...common,
        collectionYear: request.collectionYear,
        days: request.days ?? 7,
      }).days.map((day) => ({
        name: `cscapi_${request.la}_${day.kind}_${day.date}.ndjson`,
        content: asNdjson(day.documents),
      }));
      break;
  }
  if (request.format === 'xml' && request.returnType !== 'ssda903')
    throw new RangeError(
      'Only SSDA903 returns come in two forms; the others have one (--format is for ssda903).',
    );
  const faultRandom = root.fork('faults');
  for (const fault of faults) files = fault.apply(files, faultRandom);
  // Faults are planted in the CSV tables, so an XML return carries the same problems.
  if (request.format === 'xml')
    files = [
      asXmlReturn(files, SSDA903_TABLE_OF_FILE, `ssda903_${request.la}_${request.collectionYear}.xml`),
    ];
  return files;
}
