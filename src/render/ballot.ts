/** The party-primary decision in one line, for every format: which mode, where it came from and why. */
import type { PrimaryMode } from '../model/types.js';

export function ballotLine(mode: PrimaryMode): string {
  const what = mode.partyPrimary ? 'party primaries, split by party' : 'all parties on one ballot';
  return `${what} (${mode.source}: ${mode.reason})`;
}
