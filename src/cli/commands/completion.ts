/** `runoff completion bash|zsh|fish`: completion scripts generated from the program's own options. */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Spec {
  flags: { long: string; short: string | null; takesValue: boolean; choices: readonly string[] | null; description: string }[];
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
        choices: o.long === '--rule' ? ruleIds : o.argChoices ?? null,
        description: o.description.replace(/['"`\\$]/g, ''),
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

/** Options whose value is a file name; other values (a number, a race name) get no completion. */
function takesFile(long: string): boolean {
  return /file|names/.test(long);
}

function bash(spec: Spec): string {
  const words = [...spec.flags.flatMap((f) => (f.short ? [f.long, f.short] : [f.long])), ...spec.commands].join(' ');
  const valueCases = spec.flags
    .filter((f) => f.takesValue)
    .map((f) => `    ${f.long}) COMPREPLY=( ${f.choices ? `$(compgen -W "${f.choices.join(' ')}" -- "$cur")` : takesFile(f.long) ? '$(compgen -f -- "$cur")' : ''} ); return ;;`)
    .join('\n');
  return `# runoff bash completion: source it, or save it as /etc/bash_completion.d/runoff
_runoff() {
  local cur prev
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "${words}" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -X '!*.@(csv|CSV|txt|tsv)' -- "$cur") $(compgen -d -- "$cur") $(compgen -W "${spec.commands.join(' ')}" -- "$cur") )
  fi
}
complete -o filenames -F _runoff runoff
`;
}

function zsh(spec: Spec): string {
  const args = spec.flags.map((f) => {
    const value = f.takesValue ? `:${f.long.slice(2)}:${f.choices ? `(${f.choices.join(' ')})` : takesFile(f.long) ? '_files' : ' '}` : '';
    const names = f.short ? `{${f.short},${f.long}}` : f.long;
    return `    ${names}'[${f.description}]${value}'`;
  });
  return `#compdef runoff
# runoff zsh completion: save as _runoff in a directory of your $fpath
_arguments -s \\
${args.join(' \\\n')} \\
    '1: :(${spec.commands.join(' ')})' \\
    '*:results file:_files -g "*.(csv|CSV|txt|tsv)"'
`;
}

function fish(spec: Spec): string {
  const lines = spec.flags.map((f) => {
    const parts = ['complete -c runoff', `-l ${f.long.slice(2)}`];
    if (f.short) parts.push(`-s ${f.short.slice(1)}`);
    if (f.takesValue) parts.push(f.choices ? `-x -a '${f.choices.join(' ')}'` : takesFile(f.long) ? '-r -F' : '-x');
    parts.push(`-d '${f.description}'`);
    return parts.join(' ');
  });
  const commands = spec.commands.map((c) => `complete -c runoff -n __fish_use_subcommand -a ${c}`);
  return `# runoff fish completion: save as ~/.config/fish/completions/runoff.fish\n${[...lines, ...commands].join('\n')}\n`;
}
