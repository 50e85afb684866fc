// Domain: synthetic returns for any council and collection year, the same for the same seed. Used by
// `upstream generate`, the demo world at first start and the benchmarks; nothing in them is real.
import type { NationalBaseline } from '../indicators/baseline.ts';
import type { ReturnType } from '../upload-key.ts';
import { generateCin } from './cin.ts';
import { generateCsww } from './csww.ts';
import { generateInYear } from './inyear.ts';
import { Random } from './random.ts';
import { type GeneratedFile, generateSsda903 } from './ssda903.ts';
import { Targets } from './targets.ts';

export type { GeneratedFile } from './ssda903.ts';

export interface GenerateRequest {
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly la: string;
  readonly seed: number;
  /** Multiplies the number of children (1: the council's published size). */
  readonly scale?: number;
}

export function generateReturn(request: GenerateRequest, baseline: NationalBaseline): GeneratedFile[] {
  const random = new Random(request.seed).fork(
    `${request.returnType}|${request.la}|${request.collectionYear}`,
  );
  const targets = new Targets(baseline, request.la, request.collectionYear);
  const common = {
    la: request.la,
    year: request.collectionYear,
    random,
    targets,
    ...(request.scale ? { scale: request.scale } : {}),
  };
  switch (request.returnType) {
    case 'ssda903':
      return generateSsda903(common);
    case 'cin':
      return generateCin(common);
    case 'csww':
      return generateCsww(common);
    case 'inyear':
      return generateInYear(common);
  }
}
