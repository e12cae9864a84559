/** `runoff rules [ID] [--json]`: every preset rule with its definition and source, or one of them. */
import { UsageError } from '../../model/errors.js';
import type { Io } from '../io.js';

export async function rules(id: string | undefined, json: boolean, io: Io): Promise<number> {
  const [{ renderRules }, { findPreset }, { suggestRules }, { findIrvPreset }] = await Promise.all([
    import('../../render/rules.js'),
    import('../../count/rules/presets.js'),
    import('../../count/rules/resolve.js'),
    import('../../count/irv/presets.js'),
  ]);
  if (id !== undefined && !findPreset(id) && !findIrvPreset(id)) {
    const close = suggestRules(id);
    throw new UsageError(`unknown rule ${JSON.stringify(id)}`, undefined, close.length > 0 ? `did you mean ${close.join(', ')}? \`runoff rules\` lists them all` : '`runoff rules` lists them all');
  }
  io.stdout.write(renderRules(json ? 'json' : 'table', { width: io.stdout.columns ?? 100, ...(id === undefined ? {} : { id }) }));
  return 0;
}
