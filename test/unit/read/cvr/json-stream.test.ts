import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonPiece, jsonMembers } from '../../../../src/read/cvr/json-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-json-'));
afterAll(() => rmSync(dir, { recursive: true }));
let n = 0;

async function pieces(text: string, chunkSize?: number): Promise<JsonPiece[]> {
  const file = join(dir, `${n++}.json`);
  writeFileSync(file, text);
  const out: JsonPiece[] = [];
  for await (const p of jsonMembers(file, (k) => (k.startsWith('list') ? 'items' : k.startsWith('skip') ? 'skip' : 'whole'), chunkSize)) out.push(p);
  return out;
}

describe('jsonMembers: a top-level object cut into members and array items', () => {
  test.prop([
    fc.dictionary(fc.oneof(fc.constantFrom('list', 'list2', 'skip', 'whole', 'wh"o\\le'), fc.string()), fc.jsonValue()),
    fc.integer({ min: 1, max: 9 }),
    fc.boolean(),
  ])('gives what JSON.parse gives, whatever the chunk boundaries and spacing', async (obj, chunkSize, pretty) => {
    const built = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, k.startsWith('list') && !Array.isArray(v) ? [v] : v]));
    // Through JSON once, so that what JSON cannot say (-0) is compared as JSON says it.
    const doc = JSON.parse(JSON.stringify(built)) as Record<string, unknown>;
    const got = await pieces(JSON.stringify(doc, null, pretty ? 2 : undefined), chunkSize);
    const want: unknown[] = [];
    for (const [key, value] of Object.entries(doc)) {
      if (key.startsWith('skip')) continue;
      if (key.startsWith('list')) for (const item of value as unknown[]) want.push({ key, value: item });
      else want.push({ key, value });
    }
    expect(got.map(({ key, value }) => ({ key, value }))).toEqual(want);
  });

  it('gives each item the line it starts on, past a byte-order mark', async () => {
    const got = await pieces('\uFEFF{\n "list": [\n  {"a": 1},\n  {"b": "x,]}"}\n ]\n}\n', 3);
    expect(got).toEqual([
      { kind: 'item', key: 'list', value: { a: 1 }, line: 3 },
      { kind: 'item', key: 'list', value: { b: 'x,]}' }, line: 4 },
    ]);
  });

  it.each([
    ['[1, 2]', 'the document is not a JSON object'],
    ['{"list": {"a": 1}}', '"list" is not a JSON array'],
    ['{"whole": [1, 2,]}', 'is not valid JSON'],
    ['{"list": [1, 2', 'ends before it is complete'],
  ])('%s is a DataError', async (text, message) => {
    await expect(pieces(text)).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining(message) });
  });
});
