/** What a count of an election is asked: the rule, the filters, the reading choices (count-election.ts). */
import type { Rule } from '../count/rules/rule.js';
import type { Matchable } from '../count/race-match.js';
import type { NameTable } from '../layout/families/wide-names.js';
import type { LayoutFamily } from '../layout/layout.js';
import type { Encoding } from '../read/decode.js';

/** One line of --outstanding-file: votes still to count in one race. */
export interface OutstandingEntry {
  /** Matched case-insensitively against a race's id (`u.s. house|6|`) or its title (`U.S. House District 6`). */
  race: string;
  votes: number;
  line: number;
  /** The side file, for messages. */
  file?: string;
}

export interface ElectionOptions {
  rule: Rule;
  /** --registered and --seats: apply to every race. */
  registered?: number | null;
  seats?: number | null;
  /** --outstanding: votes still to count in every race; null for none. */
  outstanding?: number | null;
  /** --outstanding-file: per race, overriding `outstanding`. */
  outstandingByRace?: OutstandingEntry[];
  /** true/false from --party-primary/--all-party; null to decide from file names and stage columns. */
  partyPrimary: boolean | null;
  /** --race, given any number of times: keep the races matching any (count/race-match.ts); null or [] for all. */
  raceFilter: readonly string[] | null;
  /** Races of the same run counted elsewhere (ranked contests): a --race query matching one of them is no error here. */
  otherRaces?: readonly Matchable[];
  /** Leave out races with a single candidate (the TX statewide file has hundreds); the --contested flag. */
  contestedOnly?: boolean;
  /** Keep only races that ended so (the --status flag); null or [] for all. */
  statusFilter?: readonly StatusFilter[] | null;
  skipBadRows: boolean;
  encoding: Encoding | null;
  /** --delimiter; null: detected from the header record of each input. */
  delimiter: string | null;
  /** --layout: the one layout family to read every input's header with; null or absent to detect it. */
  layout?: LayoutFamily | null;
  /** --names: wide-layout column codes (and office codes) → names. */
  names?: NameTable | null;
  /** --merge-names: merge case, whitespace and (Dem)/(I) suffix variants of a name within a race. */
  mergeNames?: boolean;
  /**
   * `auto`: the byte scanner for UTF-8 comma files (in a worker for large files), csv-parse otherwise. Tests
   * force one to compare them; `threaded` is the worker for any file on disk in the byte scanner's dialect, `split`
   * the file counted on both cores in ranges (split.ts) for any file on disk whose layout allows it.
   */
  parser?: 'auto' | 'csv-parse' | 'fast' | 'threaded' | 'split';
  /** --by: the column whose values are areas for a breakdown (matched like header names); null for none. */
  by?: string | null;
  /** Keep per-area sums even without --by (rules with regional-spread conditions use the first geography column). */
  needsRegions?: boolean;
  /**
   * Whether each input's SHA-256 is made (`InputSummary.sha256`); false when the output shows none, and then
   * only several inputs are hashed (an input given twice is told by its hash). Default true.
   */
  hash?: boolean;
  /** Told how a file counted on both cores went (split.ts): `merged (n ranges taken in)`, or why the main thread read the rest itself. */
  onSplit?: (how: string) => void;
  /** Called after every chunk read: the bytes of this input so far and its size when known. */
  onProgress?: (name: string, bytesRead: number, size: number | null) => void;
}

/** The outcomes --status can pick. */
export const STATUS_FILTERS = ['runoff', 'winner', 'tie'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
