// Domain: loads the national baseline and statistical neighbours shipped in shared/reference/baseline/.
// They are read from files rather than imported: inlined, 0.9 MB of JSON made every bundle that computes
// indicators weigh over a megabyte and cost its cold start the parsing of it as code. A Lambda bundle has the
// files beside it (reference/baseline/, copied by UpstreamFunction's bundledFiles); from source they are read
// where they are kept. Either way they are read once per process, only when first needed.
import { existsSync, readFileSync } from 'node:fs';
import { type BaselineDocument, decodeBaseline, type NationalBaseline } from './baseline.ts';
import { decodeStatNeighbours, type StatNeighbours, type StatNeighboursDocument } from './stat-neighbours.ts';

const PLACES = [
  new URL('./reference/baseline/', import.meta.url), // beside a Lambda bundle's index.mjs
  new URL('../../reference/baseline/', import.meta.url), // in the repository: shared/reference/baseline
];

function referenceFile(name: string): unknown {
  for (const place of PLACES) {
    const file = new URL(name, place);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  throw new Error(
    `The reference file ${name} is missing: it ships in shared/reference/baseline/ (beside the bundle as reference/baseline/).`,
  );
}

let baseline: NationalBaseline | undefined;
let neighbours: StatNeighbours | undefined;

/** The published national baseline, decoded once per process. */
export function loadNationalBaseline(): NationalBaseline {
  baseline ??= decodeBaseline(referenceFile('national-baseline.json') as BaselineDocument);
  return baseline;
}

/** DfE's statistical neighbours (May 2025), decoded once per process. */
export function loadStatNeighbours(): StatNeighbours {
  neighbours ??= decodeStatNeighbours(referenceFile('stat-neighbours.json') as StatNeighboursDocument);
  return neighbours;
}
