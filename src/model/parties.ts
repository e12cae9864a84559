/**
 * Party codes in results files → the party's name, for labels a reporter can print ("Governor · Democratic
 * primary", not "Governor · D primary"). Sources:
 * - three-letter codes: the Federal Election Commission's "Party Code Descriptions" data dictionary
 *   (fec.gov/campaign-finance-data/party-code-descriptions): DEM, REP, LIB, GRE, IND, NPA, CON (Constitution),
 *   CRV (Conservative), REF, OTH, UN, W, N;
 * - variants seen in state exports: LBT and GRN (Texas and Louisiana Secretary of State files), NP (nonpartisan),
 *   WF / WFP and WOR (New York State Board of Elections: Working Families);
 * - one letter: D, R, L, G, I, N (no party), O (other), as in the Louisiana Secretary of State results that
 *   OpenElections republishes.
 * New York prints CON for its Conservative Party; the FEC list, followed here, uses CON for Constitution.
 */
const CODES = new Map<string, string>([
  ['d', 'Democratic'], ['dem', 'Democratic'], ['democrat', 'Democratic'], ['democratic', 'Democratic'],
  ['r', 'Republican'], ['rep', 'Republican'], ['republican', 'Republican'],
  ['l', 'Libertarian'], ['lib', 'Libertarian'], ['lbt', 'Libertarian'], ['libertarian', 'Libertarian'],
  ['g', 'Green'], ['grn', 'Green'], ['gre', 'Green'], ['green', 'Green'],
  ['i', 'Independent'], ['ind', 'Independent'], ['independent', 'Independent'],
  ['np', 'Nonpartisan'], ['n', 'No Party'], ['npa', 'No Party Affiliation'], ['un', 'Unaffiliated'],
  ['o', 'Other'], ['oth', 'Other'],
  ['con', 'Constitution'], ['crv', 'Conservative'], ['ref', 'Reform'],
  ['wf', 'Working Families'], ['wfp', 'Working Families'], ['wor', 'Working Families'],
  ['w', 'Write-in'],
]);

/** The party's name for a code; null when the code is not in the table. */
export function partyName(code: string): string | null {
  return CODES.get(code.trim().toLowerCase()) ?? null;
}

/**
 * How a primary's party is shown in a race label: its name when the code is known, the text itself when it
 * already reads as a name (`Working Families`, `Reform`), and `party "X"` for a code nobody can read.
 */
export function partyLabel(party: string): string {
  const name = partyName(party);
  if (name) return name;
  // A code is short and has no space: "XYZ", "Ind2". A longer word or several words are a name already.
  return /^\S{1,4}$/u.test(party.trim()) ? `party "${party.trim()}"` : party.trim();
}
