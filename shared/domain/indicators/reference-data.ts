// Domain: loads the national baseline and statistical neighbours shipped in shared/reference/baseline/.
// JSON imports are inlined by esbuild, so a Lambda bundle carries the data with no file access.
import baselineJson from '../../reference/baseline/national-baseline.json' with { type: 'json' };
import neighboursJson from '../../reference/baseline/stat-neighbours.json' with { type: 'json' };
import { type BaselineDocument, decodeBaseline, type NationalBaseline } from './baseline.ts';
import { decodeStatNeighbours, type StatNeighbours, type StatNeighboursDocument } from './stat-neighbours.ts';

let baseline: NationalBaseline | undefined;
let neighbours: StatNeighbours | undefined;

/** The published national baseline, decoded once per process. */
export function loadNationalBaseline(): NationalBaseline {
  baseline ??= decodeBaseline(baselineJson as unknown as BaselineDocument);
  return baseline;
}

/** DfE's statistical neighbours (May 2025), decoded once per process. */
export function loadStatNeighbours(): StatNeighbours {
  neighbours ??= decodeStatNeighbours(neighboursJson as unknown as StatNeighboursDocument);
  return neighbours;
}
