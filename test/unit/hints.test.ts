/** Every error runoff raises carries the promised `hint:` line: checked over the source, constructor by constructor. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';

const ERRORS = new Set(['DataError', 'InputError', 'UsageError']);
// The command-line shell is being rebuilt (one file per subcommand); its errors get hints there.
const PENDING: string[] = [];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : []));
}

function withoutHint(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERRORS.has(node.expression.text)) {
      const hint = node.arguments?.[2];
      if (!hint || hint.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(hint) && hint.text === 'undefined')) {
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('hints', () => {
  it('every DataError, InputError and UsageError outside the CLI shell is given a hint', () => {
    const missing = files('src').filter((f) => !PENDING.some((p) => f.startsWith(p))).flatMap(withoutHint);
    expect(missing).toEqual([]);
  });
});
