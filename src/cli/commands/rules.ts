/** `runoff rules [--json]`: every preset rule with its definition and source. */
import type { Io } from '../io.js';

export async function rules(json: boolean, io: Io): Promise<number> {
  const { renderRules } = await import('../../render/rules.js');
  io.stdout.write(renderRules(json ? 'json' : 'table', { width: io.stdout.columns ?? 100 }));
  return 0;
}
