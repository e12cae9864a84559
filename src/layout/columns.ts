/** Column-name synonyms as data. Header names are compared after `normalizeHeader`. */

/** `"Total \nVotes"`, `VOTES `, `Active Voters*` → `total_votes`, `votes`, `active_voters`. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\*+$/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}

/**
 * English first, then the languages of the presets (Spanish, Portuguese, French, Italian, German). A surname
 * column (`nom`, `last_name`) is a candidate column last of all; a first-name column beside it is joined to it
 * (see FIRST_NAME and detect.ts).
 */
export const SYNONYMS = {
  candidate: ['candidate', 'candidate_name', 'choice_name', 'choice', 'candidato', 'candidata', 'candidat', 'candidato_nombre', 'kandidat', 'wahlwerber', 'wahlwerberin', 'nom', 'last_name', 'lastname', 'surname', 'apellidos', 'apellido', 'cognome'],
  votes: ['votes', 'total_votes', 'vote_count', 'candidatevotes', 'votes_total', 'votos', 'total_votos', 'votos_válidos', 'votos_validos', 'votos_obtenidos', 'votos_nominais', 'voix', 'nb_voix', 'voti', 'stimmen', 'anzahl_stimmen'],
  office: ['office', 'contest', 'contest_name', 'contest_title', 'race', 'office_name', 'cargo', 'elección', 'eleccion', 'scrutin'],
  district: ['district', 'district_name'],
  party: ['party', 'party_name', 'political_party', 'party_detailed', 'party_simplified', 'partido', 'partido_político', 'partido_politico', 'organización_política', 'organizacion_politica', 'parti', 'nuance', 'liste', 'lista', 'partito', 'partei'],
  geography: [
    'county', 'county_name', 'parish', 'precinct', 'precinct_name', 'precinct_code', 'jurisdiction_name', 'ward',
    'departamento', 'provincia', 'distrito', 'comuna', 'región', 'region', 'département', 'departement', 'commune',
    'bureau', 'bureau_de_vote', 'município', 'municipio', 'uf', 'estado', 'zona', 'seção', 'secao', 'comune', 'regione', 'land', 'bundesland', 'bezirk', 'wahlkreis', 'gemeinde', 'sezione',
  ],
  stage: ['stage'],
  /** A row dimension: one row per vote type (MEDSL `mode`, civicfs `vote_type`), part of what makes a row unique. */
  voteType: ['mode', 'vote_type', 'vote_mode', 'votetype', 'ballot_type', 'voting_method', 'vote_method'],
} as const;

export type Role = keyof typeof SYNONYMS;

/** County-level columns, in preference order: the unit of the per-county checks. */
const COUNTY = ['county', 'county_name', 'parish', 'jurisdiction_name'];

export function findCountyColumn(headers: readonly string[]): number {
  for (const name of COUNTY) {
    const i = headers.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

const PRECINCT = /^(precinct(_name|_id|_code|_number)?|unique_id|ward|vtd\w*)$/;

/** A precinct-level column: such files can be huge, so exact-duplicate detection (a set of records) is off. */
export function hasPrecinctColumn(headers: readonly string[]): boolean {
  return headers.some((h) => PRECINCT.test(h));
}

/** The precinct-level columns: with the county, the place a row is about. */
export function findPrecinctColumns(headers: readonly string[]): number[] {
  return headers.flatMap((h, i) => (PRECINCT.test(h) ? [i] : []));
}

/** Columns whose header cell is empty (a trailing delimiter, or a column nobody named): ignored. */
export function findUnnamedColumns(headers: readonly string[]): number[] {
  return headers.flatMap((h, i) => (h === '' ? [i] : []));
}

/** Vote-type columns (GA `election_day_votes`, TX `early_voting`): summed only when no total column exists. */
const VOTE_TYPE = /^(election_day|advanced?|advance_in_person|absentee|early|provisional|mail|one_stop|in_person)/;

export function isVoteTypeColumn(name: string): boolean {
  return VOTE_TYPE.test(name) || (name.endsWith('_votes') && !(SYNONYMS.votes as readonly string[]).includes(name));
}

/** Index of the first column whose normalised name is a synonym of `role`, in synonym order; -1 if none. */
export function findColumn(headers: readonly string[], role: Role): number {
  for (const name of SYNONYMS[role]) {
    const i = headers.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

export function findAll(headers: readonly string[], role: Role): number[] {
  const names: readonly string[] = SYNONYMS[role];
  return headers.flatMap((h, i) => (names.includes(h) ? [i] : []));
}

/** A per-contest ballots-cast column: `Total Ballots` (county clerks), `ballots cast` (Clarity); -1 if none. */
export function findBallotsColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => h === 'total_ballots' || h === 'ballots_cast' || h === 'total_ballots_cast');
}

/** First-name columns: joined before the surname column (`Prénom` + `Nom` → `Emmanuel MACRON`). */
const FIRST_NAME = ['prénom', 'prenom', 'first_name', 'firstname', 'given_name', 'nombre', 'nombres', 'nome', 'vorname'];
/** Surname columns, the only candidate columns a first name is joined to. */
const LAST_NAME = ['nom', 'last_name', 'lastname', 'surname', 'apellido', 'apellidos', 'cognome'];

/** The first-name column to join to candidate column `candidate`, or -1 (only when that column is a surname). */
export function findFirstNameColumn(headers: readonly string[], candidate: number): number {
  if (!LAST_NAME.includes(headers[candidate] ?? '')) return -1;
  return headers.findIndex((h) => FIRST_NAME.includes(h));
}
