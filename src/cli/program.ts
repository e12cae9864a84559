/**
 * The commander program: flags, help and examples → a Parsed command with raw option values. No election logic
 * here. Options are declared once, in OPTIONS, and each command takes the ones tagged for it.
 */
import { Argument, Command, Help, Option } from 'commander';
import { SHELLS, type Shell } from './commands/completion.js';
import { FORMATS } from '../render/formats.js';
import type { Sink } from './io.js';
import { OVERVOTE_RULES, TIEBREAKS } from './ranked-choices.js';
import { LAYOUT_FAMILIES, type LayoutFamily } from '../layout/layout.js';

/** Raw option values as commander gives them; src/cli/options.ts turns them into a typed request. */
export interface RawOptions {
  json?: boolean;
  format?: string;
  outDir?: string;
  race?: string | string[];
  contested?: boolean;
  status?: string | string[];
  by?: string;
  watch?: boolean;
  rule?: string;
  threshold?: string;
  atLeast?: boolean;
  advance?: string;
  denominator?: string;
  registered?: string;
  seats?: string;
  outstanding?: string;
  outstandingFile?: string;
  partyPrimary?: boolean;
  allParty?: boolean;
  skipBadRows?: boolean;
  strict?: boolean;
  names?: string;
  mergeNames?: boolean;
  encoding?: string;
  delimiter?: string;
  layout?: LayoutFamily;
  color?: boolean;
  plain?: boolean;
  quiet?: boolean;
  debug?: boolean;
  parser?: 'auto' | 'csv-parse' | 'fast' | 'threaded' | 'split';
  rctab?: string;
  contest?: string;
  overvote?: string;
  maxSkippedRanks?: string;
  maxRankings?: string;
  exhaustOnDuplicate?: boolean;
  batchElimination?: boolean;
  continueUntilTwo?: boolean;
  minimumVotes?: string;
  writeInLabel?: string;
  exclude?: string | string[];
  firstRoundThreshold?: boolean;
  tiebreak?: string;
  seed?: string;
}

export type Parsed =
  | { command: 'count' | 'races'; files: string[]; options: RawOptions }
  | { command: 'schema' }
  | { command: 'rules'; id: string | undefined; json: boolean }
  | { command: 'help'; topic: string | undefined }
  | { command: 'completion'; shell: Shell; program: Command };

type CommandName = 'count' | 'races' | 'rules';

interface OptionSpec {
  flags: string;
  description: string;
  /** The commands that take it: `count` is the main program. */
  for: readonly CommandName[];
  choices?: readonly string[];
  hidden?: boolean;
  /** May be given several times: the values are collected into a list. */
  repeatable?: boolean;
}

const READING: readonly CommandName[] = ['count', 'races'];
const COUNT: readonly CommandName[] = ['count'];

/** Every option of every command, in the order --help lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  { flags: '--json', description: 'print the versioned JSON document (same as --format json)', for: ['count', 'races', 'rules'] },
  { flags: '--format <format>', description: 'output format', for: COUNT, choices: FORMATS },
  { flags: '--out-dir <dir>', description: 'with --format svg: write one SVG file per race into this folder', for: COUNT },
  { flags: '--race <text>', description: 'only races whose name or id has these words, in any order; give it again for more races', for: COUNT, repeatable: true },
  { flags: '--status <kind>', description: 'only races with this outcome: runoff, winner or tie (again, or comma-separated, for several)', for: COUNT, repeatable: true },
  { flags: '--contested', description: 'leave out uncontested races (a single candidate)', for: COUNT },
  { flags: '--rule <id>', description: 'the majority/runoff rule of a place: us-ga, us-nc, fr-legislative, ar … (see `runoff rules`)', for: COUNT },
  { flags: '--threshold <percent>', description: "win outright with more than this share: 40 or 40% (replaces the rule's conditions)", for: COUNT },
  { flags: '--at-least', description: 'with --threshold: at least the share, not more than it', for: COUNT },
  { flags: '--advance <n>', description: "how many go to the runoff (default: the rule's, usually 2)", for: COUNT },
  { flags: '--denominator <kind>', description: 'what shares are of: valid, valid+blank or cast', for: COUNT },
  { flags: '--registered <n>', description: 'registered voters, for rules with registered-voter conditions (France)', for: COUNT },
  { flags: '--seats <n>', description: 'seats the contest fills; more than one makes majority rules not applicable', for: COUNT },
  { flags: '--outstanding <votes>', description: 'votes not yet counted in each race: can the leader still win outright, is the runoff pairing locked?', for: COUNT },
  { flags: '--outstanding-file <csv>', description: 'votes not yet counted per race, from a race,outstanding CSV', for: COUNT },
  { flags: '-w, --watch', description: 're-read the files when they change and redraw (election night); Ctrl-C stops', for: COUNT },
  { flags: '--by <column>', description: 'break each race down by the values of a column, e.g. county or precinct', for: COUNT },
  { flags: '--rctab <config>', description: 'instant runoff from an RCTab contest config and its CVR files, tabulated as RCTab does', for: COUNT },
  { flags: '--contest <id>', description: 'ranked ballots: the contest to count in a file or folder of several (Dominion, CDF, Hart, Clear Ballot; ES&S: words of its rank columns)', for: COUNT },
  { flags: '--overvote <rule>', description: 'ranked ballots: an overvote exhausts the ballot, is skipped, or exhausts only if several marks continue', for: COUNT, choices: OVERVOTE_RULES },
  { flags: '--max-skipped-ranks <n>', description: 'ranked ballots: more skipped ranks in a row than this exhaust the ballot (a number or unlimited; default 1)', for: COUNT },
  { flags: '--max-rankings <n>', description: 'ranked ballots: ranks past this are an error (default: every rank in the file)', for: COUNT },
  { flags: '--exhaust-on-duplicate', description: 'ranked ballots: a candidate ranked twice exhausts the ballot (default: the repeat is skipped)', for: COUNT },
  { flags: '--batch-elimination', description: 'ranked ballots: eliminate at once every candidate who cannot overtake the next', for: COUNT },
  { flags: '--continue-until-two', description: 'ranked ballots: keep eliminating until two candidates remain, even after a majority', for: COUNT },
  { flags: '--minimum-votes <n>', description: 'ranked ballots: candidates with fewer first-round votes are eliminated together in round 1', for: COUNT },
  { flags: '--write-in-label <text>', description: 'ranked ballots: the cell text of an undeclared write-in (default UWI; also "write-in")', for: COUNT },
  { flags: '--exclude <name>', description: 'ranked ballots: leave this candidate out of the count; give it again for more', for: COUNT, repeatable: true },
  { flags: '--first-round-threshold', description: 'ranked ballots: the threshold of round 1 holds in every round', for: COUNT },
  { flags: '--tiebreak <mode>', description: 'ranked ballots: how a tie for last is broken (default candidate-order: first seen)', for: COUNT, choices: TIEBREAKS },
  { flags: '--seed <n>', description: 'ranked ballots: the random seed of --tiebreak random or permutation', for: COUNT },
  { flags: '--party-primary', description: 'treat the file as party primaries: each party is its own race', for: READING },
  { flags: '--all-party', description: 'one race across parties, even if the file name says primary', for: READING },
  { flags: '--skip-bad-rows', description: 'skip rows whose votes cannot be read, with a counted warning, instead of stopping', for: READING },
  { flags: '--strict', description: 'treat every warning as an error: print the warnings, no result, exit 1', for: READING },
  { flags: '--encoding <name>', description: 'input encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detected)', for: READING },
  { flags: '--delimiter <char>', description: 'field delimiter (default: detected from the header: comma, semicolon, tab or pipe)', for: READING },
  { flags: '--layout <family>', description: 'read the header as this layout family only (default: detected; the footer and `runoff races` say which)', for: READING, choices: LAYOUT_FAMILIES },
  { flags: '--names <file>', description: 'names for the candidate columns of a wide file: a code,name CSV or the RDH/VEST README', for: READING },
  { flags: '--merge-names', description: 'merge spellings of one name within a race that differ in case, spaces or a (Dem)/(I) suffix', for: READING },
  { flags: '--color', description: 'force colour', for: COUNT },
  { flags: '--no-color', description: 'no colour (NO_COLOR is honoured too)', for: COUNT },
  { flags: '--plain', description: 'no colour and no bars, even on a terminal', for: COUNT },
  { flags: '-q, --quiet', description: 'no warnings on standard error', for: READING },
  { flags: '--debug', description: 'show stack traces for internal errors', for: READING },
  // For tests and benchmarks: force one parser so the two can be compared.
  { flags: '--parser <name>', description: 'parser', for: READING, choices: ['auto', 'csv-parse', 'fast', 'threaded', 'split'], hidden: true },
];

const EXAMPLES = `Examples:
  $ runoff results.csv                      winner or runoff pairing for every race in the file
  $ runoff cobb.csv dekalb.csv fulton.csv   several files are one election: votes are added together
  $ runoff --json results.csv | jq '.races[].outcome'
  $ runoff --race governor primary.csv      only races whose name contains "governor"
  $ runoff --rule us-nc primary.csv         North Carolina: more than 30 %, runoff on request
  $ runoff --threshold 40 --at-least r.csv  at least 40 % wins outright
  $ runoff rules                            every preset rule, with its source
  $ runoff --outstanding 10000 results.csv  what 10,000 uncounted votes can still change
  $ runoff --by county results.csv          each race broken down by county
  $ cat results.csv | runoff -              read standard input
  $ runoff --watch results.csv              redraw whenever the file changes
  $ runoff --format markdown results.csv    also csv, ndjson, json
  $ runoff --format html r.csv > r.html     one page, a chart per race (opens offline)
  $ runoff --format svg --out-dir out r.csv one SVG chart file per race
  $ runoff ballots.csv                      instant runoff, round by round, from a cast-vote-record file
  $ runoff --rctab contest_config.json      instant runoff exactly as an RCTab config describes it
  $ runoff races results.csv                every race key, its candidates and rows, the layout found
  $ runoff --names README.txt wide.csv      real names for the candidate columns of a wide (RDH) file
  $ runoff schema                           the JSON Schema of --json output
  $ runoff completion bash                  shell completion (bash, zsh, fish)
`;

const EXIT_CODES = `
Exit codes: 0 result computed (a runoff is a result), 1 bad input data, 2 usage error,
3 cannot read input, 70 internal error, 130 interrupted.`;

function addOptions(command: Command, name: CommandName, descriptions: Partial<Record<string, string>> = {}): Command {
  for (const spec of OPTIONS) {
    if (!spec.for.includes(name)) continue;
    const option = new Option(spec.flags, descriptions[spec.flags] ?? spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.hidden) option.hideHelp();
    if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    command.addOption(option);
  }
  return command;
}

export function buildProgram(io: { stdout: Sink; stderr: Sink }, version: string, onParsed: (p: Parsed) => void): Command {
  const program = new Command('runoff')
    .description('Read election-result CSV files and say, for every race, who won outright or who goes to the runoff.')
    .version(`runoff ${version}`, '-V, --version')
    .argument('[files...]', 'CSV files (one election; several files are added together), or - for standard input');
  addOptions(program, 'count')
    .addHelpText('after', EXIT_CODES)
    // The examples come first, right under the usage line: that is what people look for.
    .configureHelp({
      formatHelp: (cmd, helper) => {
        const text = Help.prototype.formatHelp.call(helper, cmd, helper);
        return cmd.name() === 'runoff' ? text.replace(/\n(Arguments:)/, `\n${EXAMPLES}\n$1`) : text;
      },
    })
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (t) => void io.stdout.write(t),
      writeErr: (t) => void io.stderr.write(t),
      outputError: (text, write) => write(`runoff: ${text.replace(/^error: /, '')}`),
    })
    .action((files: string[], options: RawOptions) => onParsed({ command: 'count', files, options }));

  // Options the main program also knows land there when written after a subcommand: each command takes both.
  const withProgram = <T extends object>(options: T): T & RawOptions => ({ ...(program.opts() as RawOptions), ...options });

  addOptions(
    program.command('rules').description('list the preset rules (--rule) with their definitions and sources, or show one').argument('[id]', 'one preset, e.g. us-ga'),
    'rules',
    { '--json': 'as JSON' },
  ).action((id: string | undefined, options: RawOptions) => onParsed({ command: 'rules', id, json: withProgram(options).json ?? false }));

  program
    .command('help')
    .description('show the help of runoff or of one command')
    .argument('[command]', 'races, rules, schema or completion')
    .action((topic: string | undefined) => onParsed({ command: 'help', topic }));

  program.addHelpCommand(false);

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell) => onParsed({ command: 'completion', shell, program }));

  addOptions(
    program
      .command('races')
      .description('list every race found: its key, candidates and rows, and per file the layout, encoding and rows left out')
      .argument('[files...]', 'CSV files, or - for standard input'),
    'races',
    { '--json': 'as JSON' },
  ).action((files: string[], options: RawOptions) => onParsed({ command: 'races', files, options: withProgram(options) }));

  program
    .command('schema')
    .description('print the JSON Schema of the --json document')
    .action(() => onParsed({ command: 'schema' }));
  return program;
}
