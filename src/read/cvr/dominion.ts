import type { CastVote, CvrSource } from '../../model/ballots.js';
// eslint-disable-next-line require-yield
export async function* readDominion(source: CvrSource): AsyncIterable<CastVote> {
  throw new Error(`not yet: ${source.path}`);
}
