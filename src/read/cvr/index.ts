/**
 * One entry point for every cast-vote-record format: `readCvr(source)` streams the ballots of one contest as
 * `CastVote` records, `detectCvrFormat(path)` names the format from the file's content.
 * Each reader is loaded with a dynamic import so that reading a BLT file never loads the xlsx or XML code.
 */
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import type { CvrReadOptions } from './warn.js';

export type { CvrReadOptions, CvrWarning } from './warn.js';

export { detectCvrFormat } from './detect.js';

/** The ballots of one contest from one source, streamed; `options.onWarning` hears of records passed over. */
export async function* readCvr(source: CvrSource, options: CvrReadOptions = {}): AsyncIterable<CastVote> {
  switch (source.format) {
    case 'ess':
      yield* (await import('./ess.js')).readEss(source);
      return;
    case 'dominion':
      yield* (await import('./dominion.js')).readDominion(source, options);
      return;
    case 'cdf':
      yield* (await import('./cdf.js')).readCdf(source);
      return;
    case 'clearBallot':
      yield* (await import('./clear-ballot.js')).readClearBallot(source);
      return;
    case 'hart':
      yield* (await import('./hart.js')).readHart(source);
      return;
    case 'genericCsv':
      yield* (await import('./generic-csv.js')).readGenericCsv(source);
      return;
    case 'rank-columns':
      yield* (await import('./rank-columns.js')).readRankColumns(source);
      return;
    case 'blt':
      yield* (await import('./blt.js')).readBlt(source);
      return;
  }
}
