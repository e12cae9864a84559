/** Presidential and legislative rules outside the US, each with the statute or official page it rests on. */
import { pct } from './fraction.js';
import type { Condition, Denominator, Rule } from './rule.js';

const NOT_VERIFIED = 'not verified against a stored source';
const MAJORITY: Condition[] = [{ share: pct(50) }];

interface Extra {
  wins?: Condition[];
  denominator?: Denominator;
  note?: string;
  verified?: boolean;
}

/** A two-round presidential rule: the defaults are "> 50 % of valid votes, else the top two". */
function president(id: string, name: string, source: string, extra: Extra = {}): Rule {
  const { wins = MAJORITY, denominator = 'valid', ...rest } = extra;
  // A first round puts every party's candidate on one ballot.
  return { id, name, source, wins, denominator, advance: 2, ties: 'report', ballot: 'all-party', ...rest };
}

export const worldPresets: readonly Rule[] = [
  president('fr-president', 'France: President of the Republic', 'Constitution, art. 7; nossenateurs.fr (blank ballots are not suffrages exprimés)', {
    note: `Only the two leading candidates who have not withdrawn advance. Art. 7 itself is ${NOT_VERIFIED}.`,
  }),
  {
    id: 'fr-legislative',
    ballot: 'all-party',
    name: 'France: National Assembly',
    source: 'Code électoral, art. L126 (elected in the first round: an absolute majority of suffrages exprimés and a quarter of registered voters) and art. L162 (12.5 % of registered voters to stand in the second round; the top two when fewer qualify), legifrance.gouv.fr; assemblee-nationale.fr, "L\'élection des députés"',
    wins: [{ share: pct(50), registeredShare: pct(25) }],
    denominator: 'valid',
    advance: { registeredShare: pct(12.5), min: 2 },
    ties: 'report',
    note: `Needs the number of registered voters. Everyone with at least 12.5 % of registered voters goes to the second round (three- and four-way runoffs happen); if fewer than two do, the top two go. The second round is by plurality; a tie goes to the older candidate (art. L126).`,
  },
  president('br', 'Brazil: President, governors, mayors of cities over 200,000 voters', 'Constitution, art. 77, via electionguide.org/elections/id/3867', {
    note: 'A tie for second place goes to the older candidate (art. 77 § 5): the tie is reported, since birthdates are not in the results.',
  }),
  president('ar', 'Argentina: President', 'Constitution, arts. 97–98 (letrap.com.ar; idea.int); Código Electoral art. 149', {
    // Art. 97: "más del cuarenta y cinco por ciento"; art. 98: "al menos el cuarenta… y una diferencia mayor de diez puntos".
    wins: [{ share: pct(45) }, { share: pct(40), atLeast: true, lead: { share: pct(10) } }],
    note: 'Of the "votos afirmativos válidamente emitidos" (blank excluded since 1994). The runner-up must confirm within 5 days, or the leader is proclaimed (2003).',
  }),
  president('bo', 'Bolivia: President', 'Constitution (2009), art. 166, via idea.int/node/135389', {
    // "cincuenta por ciento más uno", or "al menos el cuarenta por ciento… con una diferencia de al menos diez".
    wins: [{ share: pct(50) }, { share: pct(40), atLeast: true, lead: { share: pct(10), atLeast: true } }],
  }),
  president('ec', 'Ecuador: President', 'azvision.az; urdupoint.com (2021)', {
    wins: [{ share: pct(50) }, { share: pct(40), atLeast: true, lead: { share: pct(10) } }],
    note: `The valid-vote denominator is ${NOT_VERIFIED}.`,
  }),
  president('cr', 'Costa Rica: President', 'Constitution, art. 138 ("exceeds forty percent"), via idea.int/node/138001', {
    wins: [{ share: pct(40) }],
    note: 'A tie goes to the oldest candidate: the tie is reported.',
  }),
  president('ni', 'Nicaragua: President (2000–2014 rule)', 'electionguide.org; lajornadanet.com', {
    wins: [{ share: pct(40), atLeast: true }, { share: pct(35), atLeast: true, lead: { share: pct(5), atLeast: true } }],
    note: `The 2014 reform switched to a simple plurality: use --rule plurality for later elections (${NOT_VERIFIED}).`,
  }),
  president('co', 'Colombia: President', 'Constitution, art. 190 (delarealidad.com); Acto Legislativo 01/2009 art. 9 (caracol.com.co); radionacional.co', {
    denominator: 'valid+blank',
    note: 'Blank votes (voto en blanco) are valid votes and count in the denominator. If blank wins an absolute majority in the first round, the election is repeated with new candidates.',
  }),
  president('pe', 'Peru: President', 'huaralenlinea.com (the two-thirds rule)', {
    note: `The election is void if null and blank ballots exceed two thirds of the votes cast. The valid-vote denominator is ${NOT_VERIFIED}.`,
  }),
  president('cl', 'Chile: President', '2010-2014.gob.cl, "¿Cómo se elige?" ("más de la mitad de los sufragios válidamente emitidos")', {
    note: 'Blank and null votes "se considerarán como no emitidos".',
  }),
  president('gt', 'Guatemala: President', 'idea.int/node/150389; socialemontreal.com (2023)', {
    note: 'TSE press figures often use total votes including null ballots; the rule uses valid votes.',
  }),
  president('pl', 'Poland: President', 'zanotowane.pl; zw.lt quoting sejm.gov.pl ("więcej niż połowę ważnie oddanych głosów")', {
    note: 'If a finalist withdraws or dies, the next-highest takes the place (art. 127(5)).',
  }),
  president('pt', 'Portugal: President', 'Constitution, art. 126, via idea.int/node/137947', {
    note: 'Blank ballot papers are not validly cast. Only the two leading candidates who have not withdrawn advance.',
  }),
  president('at', 'Austria: Federal President', 'Bundes-Verfassungsgesetz (B-VG), art. 60(2): "Gewählt ist, wer mehr als die Hälfte aller gültigen Stimmen für sich hat"; the second ballot is between the two with the most votes (ris.bka.gv.at); Bundespräsidentenwahlgesetz 1971 §§ 17, 19(1), as applied in the Bundeswahlbehörde\'s Kundmachung of 2 May 2016', {
    note: 'If only one candidate stands, the election is a yes/no vote (art. 60(1)).',
  }),
  // Not a presidency, but the same two-round shape: > 50 % of valid votes, else the top two.
  president('it-mayor', 'Italy: mayors of comuni over 15,000 inhabitants', 'D.Lgs. 18 agosto 2000, n. 267 (TUEL), art. 72, commi 4-5: elected with "la maggioranza assoluta dei voti validi", else a ballottaggio between the two candidates with the most valid votes (lentepubblica.it; comune.cadoneghe.pd.it)', {
    note: 'Not for Sicily, whose regional law sets 40 % (tg24.sky.it), nor for comuni up to 15,000 inhabitants (3,000 in the Province of Trento), which elect by plurality. A tie in the ballottaggio goes to the older candidate: the tie is reported.',
  }),
  president('fi', 'Finland: President', 'Constitution of Finland (731/1999), s. 54: elected with "more than half of the votes cast"; otherwise a second election between the two with the most votes (vaalit.fi, Ministry of Justice, "Procedure for the election of the President of the Republic")', {
    note: 'A tie in the second round is settled by lot. With a single candidate, no election is held.',
  }),
  president('ua', 'Ukraine: President', 'Law of Ukraine "On Election of the President of Ukraine", art. 84 (UNVERIFIED: the text of the law was not checked; the rule is as commonly reported)', {
    denominator: 'cast',
    verified: false,
    note: 'UNVERIFIED: no primary source was checked for this preset. Of the "voters who took part in the voting", i.e. all ballots including invalid ones.',
  }),
  president('sl', 'Sierra Leone: President', 'globaltimes.cn (2018); chatnewstoday.ca (2023): "at least 55 percent"', {
    wins: [{ share: pct(55), atLeast: true }],
  }),
  president('zw', 'Zimbabwe: President', 'Electoral Act s. 110, via thezimbabwean.co and kubatana.net', {
    note: 'A tie in the runoff is decided by Parliament.',
  }),
  president('ke', 'Kenya: President', 'Constitution, art. 138(4)–(5), via kbc.co.ke', {
    // "more than half of all the votes cast" and "at least twenty-five per cent… in each of more than half of the counties".
    wins: [{ share: pct(50), regional: { share: pct(25), atLeast: true, regions: 24 } }],
    denominator: 'cast',
    note: `The 25 % test is per county in more than half of the 47 counties (24): it needs a region column. Denominator "all the votes cast" (art. 138(4)); a reading that excludes rejected ballots is ${NOT_VERIFIED} (--denominator valid applies it).`,
  }),
  president('ng', 'Nigeria: President', 'Constitution, s. 134(2), via thenationonlineng.net and nairametrics.com', {
    wins: [{ share: pct(0), atLeast: true, lead: { share: pct(0) }, regional: { share: pct(25), atLeast: true, regions: 24 } }],
    note: 'The most votes and at least 25 % in at least two thirds of the 36 states and the FCT (24): it needs a region column; whether the FCT is separately required is disputed. The second round is between the leader and the candidate with a majority in the most states (reported here as the top two by votes); a third round is by simple majority.',
  }),
];
