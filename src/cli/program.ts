/** The commander program: flags, help and examples → RawOptions. No election logic here. */
import { Argument, Command, Help, Option } from 'commander';
import { SHELLS, type Shell } from './commands/completion.js';
import { FORMATS } from '../render/formats.js';

export interface RawOptions {
  json?: boolean;
  format?: string;
  race?: string | string[];
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
  /** Set by the `races` command: list the races found instead of deciding them. */
  listRaces?: boolean;
  encoding?: string;
  delimiter?: string;
  color?: boolean;
  plain?: boolean;
  quiet?: boolean;
  debug?: boolean;
  parser?: 'auto' | 'csv-parse' | 'fast';
}

export type Parsed = { command: 'count' | 'races'; files: string[]; options: RawOptions } | { command: 'schema' } | { command: 'rules'; json: boolean } | { command: 'completion'; shell: Shell; program: Command };

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
  $ runoff races results.csv                every race key, its candidates and rows, the layout found
  $ runoff --names README.txt wide.csv      real names for the candidate columns of a wide (RDH) file
  $ runoff schema                           the JSON Schema of --json output
  $ runoff completion bash                  shell completion (bash, zsh, fish)
`;

const EXIT_CODES = `
Exit codes: 0 result computed (a runoff is a result), 1 bad input data, 2 usage error,
3 cannot read input, 70 internal error, 130 interrupted.`;

export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

export function buildProgram(io: CliIo, version: string, onParsed: (p: Parsed) => void): Command {
  const program = new Command('runoff')
    .description('Read election-result CSV files and say, for every race, who won outright or who goes to the runoff.')
    .version(version, '-V, --version')
    .argument('[files...]', 'CSV files (one election; several files are added together), or - for standard input')
    .option('--json', 'print the versioned JSON document (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS))
    .option('--race <text>', 'only races whose name contains this text (case-insensitive)')
    .option('--rule <id>', 'the majority/runoff rule of a place: us-ga, us-nc, fr-legislative, ar … (see `runoff rules`)')
    .option('--threshold <percent>', 'win outright with more than this share: 40 or 40% (replaces the rule\'s conditions)')
    .option('--at-least', 'with --threshold: at least the share, not more than it')
    .option('--advance <n>', 'how many go to the runoff (default: the rule\'s, usually 2)')
    .option('--denominator <kind>', 'what shares are of: valid, valid+blank or cast')
    .option('--registered <n>', 'registered voters, for rules with registered-voter conditions (France)')
    .option('--seats <n>', 'seats the contest fills; more than one makes majority rules not applicable')
    .option('--outstanding <votes>', 'votes not yet counted in each race: can the leader still win outright, is the runoff pairing locked?')
    .option('--outstanding-file <csv>', 'votes not yet counted per race, from a race,outstanding CSV')
    .option('-w, --watch', 're-read the files when they change and redraw (election night); Ctrl-C stops')
    .option('--by <column>', 'break each race down by the values of a column, e.g. county or precinct')
    .option('--party-primary', 'treat the file as party primaries: each party is its own race')
    .option('--all-party', 'one race across parties, even if the file name says primary')
    .option('--skip-bad-rows', 'skip rows whose votes cannot be read, with a counted warning, instead of stopping')
    .option('--strict', 'treat every warning as an error: print the warnings, no result, exit 1')
    .option('--encoding <name>', 'input encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detected)')
    .option('--delimiter <char>', 'field delimiter (default: detected from the header: comma, semicolon, tab or pipe)')
    .option('--names <file>', 'names for the candidate columns of a wide file: a code,name CSV or the RDH/VEST README')
    .option('--merge-names', 'merge spellings of one name within a race that differ in case, spaces or a (Dem)/(I) suffix')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .option('--plain', 'no colour and no bars, even on a terminal')
    .option('-q, --quiet', 'no warnings on standard error')
    .option('--debug', 'show stack traces for internal errors')
    // For tests and benchmarks: force one parser so the two can be compared.
    .addOption(new Option('--parser <name>').choices(['auto', 'csv-parse', 'fast']).hideHelp())
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
    .configureOutput({ writeOut: io.writeOut, writeErr: io.writeErr, outputError: (text, write) => write(`runoff: ${text.replace(/^error: /, '')}`) })
    .action((files: string[], options: RawOptions) => onParsed({ command: 'count', files, options }));

  program
    .command('rules')
    .description('list the preset rules (--rule) with their definitions and sources')
    .option('--json', 'as JSON')
    // `--json` is also a main-program option, and commander gives it to the program wherever it is written.
    .action((options: { json?: boolean }) => onParsed({ command: 'rules', json: options.json ?? (program.opts() as RawOptions).json ?? false }));

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell) => onParsed({ command: 'completion', shell, program }));

  program
    .command('races')
    .description('list every race found: its key, candidates and rows, and per file the layout, encoding and rows left out')
    .argument('[files...]', 'CSV files, or - for standard input')
    .option('--json', 'as JSON')
    .option('--names <file>', 'names for the candidate columns of a wide file')
    .option('--merge-names', 'merge case, space and (Dem)/(I) suffix variants of a name')
    .option('--party-primary', 'each party is its own race')
    .option('--all-party', 'one race across parties')
    .option('--skip-bad-rows', 'skip rows whose votes cannot be read')
    .option('--encoding <name>', 'input encoding (default: detected)')
    .option('--delimiter <char>', 'field delimiter (default: detected)')
    .option('-q, --quiet', 'no warnings on standard error')
    // Options also known to the main program land there, wherever they are written: take both.
    .action((files: string[], options: RawOptions) => onParsed({ command: 'races', files, options: { ...(program.opts() as RawOptions), ...options, listRaces: true } }));

  program
    .command('schema')
    .description('print the JSON Schema of the --json document')
    .action(() => onParsed({ command: 'schema' }));
  return program;
}
