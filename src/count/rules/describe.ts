/** Rules in words: the definition sentence of each preset, and the listing behind `runoff rules`. */
import { percentLabel } from './fraction.js';
import { presets } from './presets.js';
import { isPluralityCondition, type Condition, type Denominator, type Regional, type Rule } from './rule.js';

const DENOMINATOR_WORDS: Record<Denominator, string> = {
  valid: 'valid votes (candidate votes incl. write-ins; no blank or invalid ballots)',
  'valid+blank': 'valid votes plus blank ballots (no invalid ballots)',
  cast: 'all ballots cast, blank and invalid included',
};

const cmp = (atLeast: boolean | undefined): string => (atLeast ? 'at least' : 'more than');

function regionalWords(r: Regional): string {
  const where = typeof r.regions === 'number' ? `at least ${r.regions} regions` : `at least ${percentLabel(r.regions)} % of the regions`;
  return `${cmp(r.atLeast)} ${percentLabel(r.share)} % of the votes in each of ${where}`;
}

/** "more than 50 % and votes of at least 25 % of registered voters". */
export function conditionWords(c: Condition): string {
  const parts: string[] = [];
  if (isPluralityCondition(c)) parts.push('the most votes');
  else {
    parts.push(`${cmp(c.atLeast)} ${percentLabel(c.share)} %`);
    if (c.lead) parts.push(`a lead of ${cmp(c.lead.atLeast)} ${percentLabel(c.lead.share)} points over the runner-up`);
  }
  if (c.registeredShare) parts.push(`votes of at least ${percentLabel(c.registeredShare)} % of registered voters`);
  if (c.regional) parts.push(regionalWords(c.regional));
  return parts.join(' and ');
}

function advanceWords(rule: Rule): string {
  if (typeof rule.advance === 'number') return `the top ${rule.advance} advance`;
  const floor = percentLabel(rule.advance.registeredShare);
  return `everyone with votes of at least ${floor} % of registered voters advances (at least the top ${rule.advance.min})`;
}

const tieWords = (rule: Rule): string =>
  rule.ties === 'all-advance' ? 'Everyone tied at the cut line advances.' : 'A tie at the cut line is reported, never broken.';

/** The full definition: when the leader wins, who advances otherwise, and of what the shares are. */
export function defineRule(rule: Rule): string {
  const sentences: string[] = [];
  if (rule.minCandidates) {
    sentences.push(`Applies only to races with ${rule.minCandidates} or more candidates; with fewer, the candidate with the most votes wins.`);
  }
  if (rule.noShortcut || rule.wins.length === 0) {
    sentences.push(`No outright win: ${advanceWords(rule)}, even if one has a majority.`, tieWords(rule));
  } else if (rule.advance === 1) {
    sentences.push(`The candidate with ${rule.wins.map(conditionWords).join(', or ')} wins; there is no runoff. A tie for first is reported, never broken.`);
  } else {
    sentences.push(`The leader wins outright with ${rule.wins.map(conditionWords).join(', or ')}. Otherwise ${advanceWords(rule)}.`, tieWords(rule));
  }
  if (rule.onRequest) sentences.push('The runoff is held only if the runner-up requests it.');
  // Shares matter unless the rule is "most votes" or "top k" only.
  const shares = !rule.noShortcut && rule.wins.some((c) => !isPluralityCondition(c) || c.regional);
  if (shares) sentences.push(`Shares are of ${DENOMINATOR_WORDS[rule.denominator]}.`);
  return sentences.join(' ');
}

export interface RuleListing {
  id: string;
  label: string;
  definition: string;
  source: string;
  /** false when no primary source was checked: the listing says UNVERIFIED. */
  verified: boolean;
  note: string | null;
  rule: Rule;
}

/** Every preset, in the order of `runoff rules`: the default first, then US, then the rest of the world. */
export function listRules(): RuleListing[] {
  return presets.map((rule) => ({
    id: rule.id,
    label: rule.name,
    definition: defineRule(rule),
    source: rule.source,
    verified: rule.verified ?? true,
    note: rule.note ?? null,
    rule,
  }));
}
