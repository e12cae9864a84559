/** Which candidates a chart marks, and the words that go with the mark: colour is never the only signal. */
import type { OutcomeDoc as RuleOutcome } from '../schema.js';

export type Mark = 'won' | 'runoff' | 'tie' | 'none';

export function markOf(name: string, o: RuleOutcome): Mark {
  switch (o.status) {
    case 'winner':
      return o.winner === name ? 'won' : 'none';
    case 'runoff':
      return o.advancing.includes(name) || o.runoff.includes(name) ? 'runoff' : 'none';
    case 'tie':
      // Under a tie at the cut line, those above it advance for sure; the tied ones are marked as such.
      return o.tied.includes(name) ? 'tie' : o.advancing.includes(name) ? 'runoff' : 'none';
    case 'no_votes':
    case 'not_applicable':
      return 'none';
    default: {
      const never: never = o;
      return never;
    }
  }
}

const TAGS: Record<Mark, string> = { won: 'WINNER', runoff: 'RUNOFF', tie: 'TIED', none: '' };

export function tagOf(mark: Mark): string {
  return TAGS[mark];
}
