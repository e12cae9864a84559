/**
 * `runoff completion bash|zsh|fish`: completion scripts generated from the program's own options, so they
 * never drift from the flags. Each is tested by running it in its shell (test/cli/completion.test.ts).
 */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Values that are checked in code rather than by commander's choices, offered all the same. */
const VALUES: Readonly<Record<string, readonly string[]>> = {
  '--denominator': ['valid', 'valid+blank', 'cast'],
  '--encoding': ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'],
  '--status': ['runoff', 'winner', 'tie'],
};

/** Input files the completion offers (any folder too). */
const EXTENSIONS = ['csv', 'CSV', 'tsv', 'txt', 'gz', 'zip', 'xlsx', 'json', 'blt'];

interface Flag {
  long: string;
  short: string | null;
  takesValue: boolean;
  choices: readonly string[] | null;
  description: string;
}

interface Spec {
  flags: Flag[];
  commands: string[];
}

function specOf(program: Command, ruleIds: readonly string[]): Spec {
  return {
    flags: program.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({
        long: o.long as string,
        short: o.short ?? null,
        takesValue: o.required || o.optional,
        choices: o.long === '--rule' ? ruleIds : o.argChoices ?? VALUES[o.long as string] ?? null,
        description: o.description,
      })),
    commands: program.commands.map((c) => c.name()),
  };
}

export function completionScript(shell: Shell, program: Command, ruleIds: readonly string[]): string {
  const spec = specOf(program, ruleIds);
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
  }
}

/** Options whose value is a file or folder name; other values (a number, a race name) get no completion. */
function takesFile(long: string): boolean {
  return /file|names|dir|rctab/.test(long);
}

/** Plain bash: no extglob, no bash-completion package; names with spaces stay whole (IFS is a newline). */
function bash(spec: Spec): string {
  const words = [...spec.flags.flatMap((f) => (f.short ? [f.long, f.short] : [f.long])), ...spec.commands].join(' ');
  const valueCases = spec.flags
    .filter((f) => f.takesValue)
    .map((f) => `    ${f.long}) ${f.choices ? `COMPREPLY=( $(_runoff_words "${f.choices.join(' ')}") )` : takesFile(f.long) ? 'COMPREPLY=( $(compgen -f -- "$cur") )' : 'COMPREPLY=()'}; return 0 ;;`)
    .join('\n');
  const files = EXTENSIONS.map((e) => `$(compgen -f -X '!*.${e}' -- "$cur")`).join(' ');
  return `# runoff bash completion: source it, or save it as /etc/bash_completion.d/runoff
# A word list is split on spaces; the names compgen returns, one a line, on newlines only (file names with spaces).
_runoff_words() { local IFS=$' \\t\\n'; compgen -W "$1" -- "$cur"; }
_runoff() {
  local cur prev IFS=$'\\n'
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases}
    completion) COMPREPLY=( $(_runoff_words "bash zsh fish") ); return 0 ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(_runoff_words "${words}") )
  else
    COMPREPLY=( ${files} $(compgen -d -- "$cur") $(_runoff_words "${spec.commands.join(' ')}") )
  fi
}
complete -o filenames -F _runoff runoff
`;
}

/** Inside zsh's `_arguments` spec: brackets and colons are syntax, and the whole spec is single-quoted. */
function zshText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1').replace(/'/g, "'\\''");
}

function zsh(spec: Spec): string {
  const args = spec.flags.map((f) => {
    const value = f.takesValue ? `:${f.long.slice(2)}:${f.choices ? `(${f.choices.join(' ')})` : takesFile(f.long) ? '_files' : ' '}` : '';
    const names = f.short ? `{${f.short},${f.long}}` : f.long;
    return `    ${names}'[${zshText(f.description)}]${value}'`;
  });
  const globs = EXTENSIONS.join('|');
  return `#compdef runoff
# runoff zsh completion: save as _runoff in a directory of your $fpath
_arguments -s \\
${args.join(' \\\n')} \\
    '1: :(${spec.commands.join(' ')})' \\
    '*:results file:_files -g "*.(${globs})"'
`;
}

/** fish single quotes: only a backslash and a quote need escaping. */
function fishText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

function fish(spec: Spec): string {
  const lines = spec.flags.map((f) => {
    const parts = ['complete -c runoff', `-l ${f.long.slice(2)}`];
    if (f.short) parts.push(`-s ${f.short.slice(1)}`);
    if (f.takesValue) parts.push(f.choices ? `-x -a '${fishText(f.choices.join(' '))}'` : takesFile(f.long) ? '-r -F' : '-x');
    parts.push(`-d '${fishText(f.description)}'`);
    return parts.join(' ');
  });
  const commands = spec.commands.map((c) => `complete -c runoff -n __fish_use_subcommand -a ${c}`);
  const shells = `complete -c runoff -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'`;
  return `# runoff fish completion: save as ~/.config/fish/completions/runoff.fish\n${[...lines, ...commands, shells].join('\n')}\n`;
}
