/** United States presets: states and cities, each with the statute or official page it rests on. */
import { pct } from './fraction.js';
import type { Rule } from './rule.js';

// "Majority" in these statutes is strictly more than half; the denominator is the votes cast for the office,
// which counts write-ins and leaves out over- and undervotes: our 'valid'.
const MAJORITY = [{ share: pct(50) }];
const NOT_VERIFIED = 'not verified against a stored source';

function usMajority(id: string, name: string, source: string, note?: string): Rule {
  return { id, name, source, wins: MAJORITY, denominator: 'valid', advance: 2, ties: 'report', ...(note ? { note } : {}) };
}

const ALL_PARTY = new Set(['us-ga-nonpartisan', 'us-la', 'us-ca-top-two', 'us-ca-local', 'us-wa-top-two', 'us-ak-top-four', 'chicago']);
const PARTY_PRIMARY = new Set(['us-tx', 'us-al', 'us-ar', 'us-ok', 'us-sc', 'us-nc', 'us-sd', 'nyc-2013']);

/** The ballot each preset's label names; us-ga and us-ms cover primaries and general elections alike, so none. */
function withBallot(rule: Rule): Rule {
  if (ALL_PARTY.has(rule.id)) return { ...rule, ballot: 'all-party' };
  if (PARTY_PRIMARY.has(rule.id)) return { ...rule, ballot: 'party-primary' };
  return rule;
}

export const usPresets: readonly Rule[] = ([
  usMajority(
    'us-ga',
    'Georgia: primaries, general and special elections (partisan offices, incl. all-party specials)',
    'O.C.G.A. § 21-2-501 (law.justia.com/codes/georgia/2022/title-21/.../section-21-2-501)',
    'If a runoff candidate withdraws, dies or is ineligible, the next-highest moves up (§ 21-2-501(a)(2)).',
  ),
  usMajority(
    'us-ga-nonpartisan',
    'Georgia: nonpartisan elections (judicial, some local)',
    'O.C.G.A. § 21-2-285.1, as reported by wtvm.com',
    'Source is an older news report. A former § 21-2-2 rule of 45 % for some general elections is historic and not modelled.',
  ),
  usMajority(
    'us-tx',
    'Texas: party primaries',
    'Tex. Elec. Code § 172.003, § 172.004 (law.onecle.com); texapedia.info',
    'A tie in the runoff leads to a recount, then a second runoff or casting lots (Elec. Code ch. 2): a tie is reported, never broken.',
  ),
  {
    ...usMajority(
      'us-la',
      'Louisiana: open ("jungle") primary, all parties on one ballot',
      'Louisiana Secretary of State, "How are candidates elected" (sos.la.gov)',
      'Everyone tied at the cut line advances. HB17 (2024) brings closed party primaries with runoffs for Congress and some offices from 2026.',
    ),
    ties: 'all-advance',
  },
  usMajority(
    'us-ms',
    'Mississippi: primaries, and statewide general elections from 2023',
    'NCSL, "Primary Runoffs"; Ballotpedia, Mississippi Ballot Measure 2 (2020), which removed the House-districts test',
  ),
  usMajority(
    'us-al',
    'Alabama: primaries',
    'Ala. Code § 17-13-18 ("a majority of all of the votes cast in such primary election for any one office"), via ncsl.org',
  ),
  usMajority('us-ar', 'Arkansas: primaries', 'NCSL, "Primary Runoffs"'),
  usMajority('us-ok', 'Oklahoma: primaries', 'NCSL, "Primary Runoffs"'),
  usMajority(
    'us-sc',
    'South Carolina: primaries',
    'NCSL, "Primary Runoffs"; S.C. Code § 7-13-2220 (lexace.ai)',
    `A tie leads to a tie-breaking runoff two weeks later (§ 7-13-2220). For multi-seat contests SC divides the total by the seats (${NOT_VERIFIED}): use --seats, and the race is reported as not applicable.`,
  ),
  {
    id: 'us-nc',
    name: 'North Carolina: primaries ("second primary")',
    source: 'NCSL, "Primary Runoffs"; ncspin.com (2022, 2024): "30 percent of the vote plus one"',
    wins: [{ share: pct(30) }],
    denominator: 'valid',
    advance: 2,
    ties: 'report',
    onRequest: true,
    note: 'The second primary is held only if the runner-up requests it within days of the canvass. The threshold was 50 % until 1989 and 40 % from 1989 to 2017.',
  },
  {
    id: 'us-sd',
    name: 'South Dakota: primaries for U.S. Senate, U.S. House and Governor',
    source: 'NCSL, "Primary Runoffs"; ncspin.com: "more than 35%"',
    wins: [{ share: pct(35) }],
    denominator: 'valid',
    advance: 2,
    ties: 'report',
    minCandidates: 3,
    note: 'Applies only with 3 or more candidates; with fewer, and for other offices, the leader wins (plurality).',
  },
  {
    id: 'nyc-2013',
    name: 'New York City: citywide party primaries (mayor, public advocate, comptroller) before 2021',
    source: 'N.Y. Elec. Law § 6-162 ("forty percent or more"), via codes.lp.findlaw.com and lexace.ai',
    wins: [{ share: pct(40), atLeast: true }],
    denominator: 'valid',
    advance: 2,
    ties: 'report',
    note: 'The runner-up may withdraw within 3 days, and then there is no runoff. Replaced by ranked-choice voting for city primaries from 2021.',
  },
  {
    id: 'us-ca-top-two',
    name: 'California: top-two primary for voter-nominated offices',
    source: 'Cal. Elec. Code § 15451, § 8142 (laws9.com); uscannenbergmedia.com (2026)',
    wins: [],
    denominator: 'valid',
    advance: 2,
    ties: 'report',
    noShortcut: true,
    note: 'A majority does not end the race: the top two always advance. Write-in candidates can advance; write-in aggregates cannot be named.',
  },
  usMajority(
    'us-ca-local',
    'California local nonpartisan elections (e.g. Los Angeles city, LA County, Pasadena)',
    'Los Angeles City Election Code § 108, quoted by laist.com; Pasadena City Charter § 1204',
  ),
  {
    id: 'us-wa-top-two',
    name: 'Washington: top-two primary',
    source: 'FairVote archive',
    wins: [],
    denominator: 'valid',
    advance: 2,
    ties: 'report',
    noShortcut: true,
    note: `The top two always advance, even of one party. Details ${NOT_VERIFIED}.`,
  },
  {
    id: 'us-ak-top-four',
    name: 'Alaska: top-four primary (2022 on)',
    source: 'electowiki, "2020 Alaska Measure 2"; adn.com',
    wins: [],
    denominator: 'valid',
    advance: 4,
    ties: 'report',
    noShortcut: true,
    note: `The top four advance to a ranked-choice general election. The 2024 repeal measure failed narrowly (${NOT_VERIFIED}).`,
  },
  usMajority(
    'chicago',
    'Chicago: mayor, clerk, treasurer and aldermen',
    'columbiachronicle.com (2011); chicagotribune.com (2023): "50 percent of ballots cast plus one"',
    'A tie for second is settled by random selection, "basically a coin toss" (Illinois State Board of Elections counsel): the tie is reported.',
  ),
] as Rule[]).map(withBallot);
