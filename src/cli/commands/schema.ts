/** `runoff schema`: the JSON Schema of the --json document, generated from its zod schema. */
import type { Io } from '../io.js';

export async function schema(io: Io): Promise<number> {
  io.stdout.write((await import('../../render/schema.js')).jsonSchema());
  return 0;
}
