/** The verdict of a race in words: shared by the table and Markdown renderers. */
import type { Outcome } from '../model/types.js';

const LABELS: Record<Outcome['status'], string> = {
  winner: 'WINNER',
  runoff: 'RUNOFF',
  tie: 'TIE',
  no_votes: 'NO VOTES',
  not_applicable: 'NOT APPLICABLE',
};

export function verdictLabel(o: Outcome): string {
  return LABELS[o.status];
}

/** Who: the winner, the runoff pairing ("A vs B"), or everyone tied. */
export function verdictHeadline(o: Outcome): string {
  switch (o.status) {
    case 'winner':
      return o.winner;
    case 'runoff':
      return o.runoff.join(' vs ');
    case 'tie':
      return o.tied.join(', ');
    case 'no_votes':
    case 'not_applicable':
      return '';
    default: {
      const never: never = o;
      return never;
    }
  }
}
