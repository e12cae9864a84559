/** One winning condition against one race: each part held or not, and by how many votes (or regions). */
import { percentLabel, type Fraction } from './fraction.js';
import { clears, describeCondition, describeRegional, isPluralityCondition, votesToClear, type Condition, type Regional } from './rule.js';
import { thousands } from '../../model/thousands.js';

/** What a condition is tested against. `second` is 0 when the leader has no named rival. */
export interface RaceFacts {
  leader: string;
  top: number;
  second: number;
  /** The rule's denominator: valid, valid+blank or cast. */
  denominator: number;
  registered: number | null;
  /** Region → candidate → votes; null when the tally kept no regions. */
  regions: Map<string, Map<string, number>> | null;
}

export interface PartResult {
  description: string;
  /** null: cannot be checked with the data given (no registered voters, no regions). */
  held: boolean | null;
  /** Votes (or regions) above the fewest that clear the part: ≥ 0 held, < 0 missed by that many. */
  margin: number | null;
  unit: 'votes' | 'regions';
  /** Why `held` is null. */
  unknown?: string;
}

export interface ConditionResult {
  description: string;
  /** true if every part held, false if any part failed, null if none failed but some cannot be checked. */
  held: boolean | null;
  /** The tightest margin among its parts counted in votes; null when one of them cannot be checked. */
  margin: number | null;
  parts: PartResult[];
}

export function evaluateCondition(c: Condition, facts: RaceFacts): ConditionResult {
  const parts: PartResult[] = [];
  const { top, second, denominator } = facts;
  if (!(c.share.num === 0 && c.atLeast)) {
    parts.push(votePart(`${c.atLeast ? '≥' : '>'} ${percentLabel(c.share)} % of ${thousands(denominator)} votes`,
      top, votesToClear(denominator, c.share, c.atLeast), clears(top, denominator, c.share, c.atLeast)));
  }
  if (c.lead) {
    // The lead is in points of the same denominator: (top − second)/denominator against lead.share.
    const lead = top - second;
    const description = isPluralityCondition(c) ? 'more votes than the runner-up' : `a lead of ${c.lead.atLeast ? '≥' : '>'} ${percentLabel(c.lead.share)} points`;
    parts.push(votePart(description, lead, votesToClear(denominator, c.lead.share, c.lead.atLeast), clears(lead, denominator, c.lead.share, c.lead.atLeast)));
  }
  if (c.registeredShare) parts.push(registeredPart(c.registeredShare, facts));
  if (c.regional) parts.push(regionalPart(c.regional, facts));

  const held = parts.some((p) => p.held === false) ? false : parts.every((p) => p.held === true) ? true : null;
  const voteParts = parts.filter((p) => p.unit === 'votes');
  const margin = voteParts.some((p) => p.margin === null) ? null : Math.min(...voteParts.map((p) => p.margin ?? 0));
  return { description: describeCondition(c), held, margin: voteParts.length === 0 ? null : margin, parts };
}

function votePart(description: string, votes: number, needed: number, held: boolean): PartResult {
  return { description, held, margin: votes - needed, unit: 'votes' };
}

function registeredPart(share: Fraction, facts: RaceFacts): PartResult {
  const description = `≥ ${percentLabel(share)} % of registered voters`;
  if (facts.registered === null) {
    return { description, held: null, margin: null, unit: 'votes', unknown: 'the number of registered voters is not known (pass --registered)' };
  }
  const needed = votesToClear(facts.registered, share, true);
  return votePart(`${description} (${thousands(needed)} of ${thousands(facts.registered)})`,
    facts.top, needed, clears(facts.top, facts.registered, share, true));
}

/** Regions where the leader reaches the share of that region's candidate votes, against the regions required. */
function regionalPart(r: Regional, facts: RaceFacts): PartResult {
  const description = describeRegional(r);
  const regions = usableRegions(facts.regions);
  if (!regions) {
    return { description, held: null, margin: null, unit: 'regions', unknown: 'the results have no per-region votes (a region column is needed)' };
  }
  let reached = 0;
  for (const byCandidate of regions.values()) {
    let total = 0;
    for (const v of byCandidate.values()) total += v;
    if (total > 0 && clears(byCandidate.get(facts.leader) ?? 0, total, r.share, r.atLeast)) reached++;
  }
  const needed = typeof r.regions === 'number' ? r.regions : votesToClear(regions.size, r.regions, true);
  return { description: `${description} (${reached} of ${regions.size} regions)`, held: reached >= needed, margin: reached - needed, unit: 'regions' };
}

/** A tally without a geography column puts every row in one region named "": that is no regional data. */
function usableRegions(regions: RaceFacts['regions']): Map<string, Map<string, number>> | null {
  if (!regions || regions.size === 0) return null;
  if (regions.size === 1 && regions.has('')) return null;
  return regions;
}
