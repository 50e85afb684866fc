// Domain: DfE's statistical neighbours — for each council, the 10 councils most like it, ranked.

export interface StatNeighboursDocument {
  readonly format: 'upstream-stat-neighbours';
  readonly version: string;
  readonly source: string;
  readonly attribution: string;
  /** Council DfE number to its neighbours in rank order, each as [DfE number, closeness]. */
  readonly neighbours: Readonly<Record<string, readonly (readonly [string, string])[]>>;
}

export interface StatNeighbours {
  readonly version: string;
  /** The council's neighbours' DfE numbers, closest first; empty for an unknown council. */
  of(la: string): readonly string[];
}

export function decodeStatNeighbours(document: StatNeighboursDocument): StatNeighbours {
  if (document.format !== 'upstream-stat-neighbours') {
    throw new Error(`Not a statistical neighbours document: ${String(document.format)}`);
  }
  const lists = new Map(
    Object.entries(document.neighbours).map(
      ([la, entries]) => [la, entries.map(([neighbour]) => neighbour)] as const,
    ),
  );
  return { version: document.version, of: (la) => lists.get(la) ?? [] };
}
