/**
 * Streams the top-level members of one large JSON object without holding the document: a byte scanner finds
 * where each member (or each item of a member that is an array) begins and ends, and only that slice is handed
 * to JSON.parse. A CDF export of a whole county is one object whose `CVR` array holds every ballot; this keeps
 * one ballot in memory at a time. Structural characters are ASCII, so scanning bytes is safe for UTF-8.
 */
import { createReadStream } from 'node:fs';
import { DataError } from '../../model/errors.js';
import type { Json } from './json-shape.js';

/** What to do with a top-level member: parse it whole, stream the items of its array, or pass over it. */
export type MemberPlan = 'whole' | 'items' | 'skip';

export type JsonPiece = { kind: 'whole'; key: string; value: Json } | { kind: 'item'; key: string; value: Json; line: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** `chunkSize` only for tests, to put chunk boundaries everywhere. */
export async function* jsonMembers(path: string, plan: (key: string) => MemberPlan, chunkSize?: number): AsyncIterable<JsonPiece> {
  const fail = (message: string, line: number): never => {
    throw new DataError(message, { file: path, line }, 'is the file complete and really a JSON object?');
  };
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  let started = false;
  let phase: 'key' | 'colon' | 'value' | 'in-value' | 'items' | 'after' = 'key';
  let key: number[] | undefined;
  let currentKey = '';
  let mode: MemberPlan = 'skip';
  let itemOpen = false;
  let itemLine = 0;
  // The slice being captured, as parts from earlier chunks plus a start offset in this one (-1: none).
  let parts: Buffer[] = [];
  let start = -1;

  const finish = (chunk: Buffer, end: number): Json => {
    parts.push(chunk.subarray(start, end));
    const text = Buffer.concat(parts).toString('utf8');
    parts = [];
    start = -1;
    try {
      return JSON.parse(text) as Json;
    } catch (err) {
      return fail(`"${currentKey}" is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, line);
    }
  };

  for await (const raw of createReadStream(path, chunkSize === undefined ? {} : { highWaterMark: chunkSize })) {
    const chunk = raw as Buffer;
    const out: JsonPiece[] = [];
    let i = 0;
    if (!started && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    for (; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c === NEWLINE) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (key) {
            currentKey = JSON.parse(`"${Buffer.from(key).toString('utf8')}"`) as string;
            key = undefined;
            phase = 'colon';
            continue;
          }
        }
        if (key) key.push(c);
        continue;
      }
      if (isSpace(c)) continue;
      if (!started) {
        if (c !== 0x7b) fail('the document is not a JSON object', line);
        started = true;
        depth = 1;
        continue;
      }
      if (depth === 1 && phase === 'key') {
        if (c === QUOTE) {
          inString = true;
          key = [];
        } else if (c === 0x7d) depth = 0;
        else fail('expected a member name', line);
        continue;
      }
      if (depth === 1 && phase === 'colon') {
        if (c !== 0x3a) fail(`expected ':' after "${currentKey}"`, line);
        phase = 'value';
        mode = plan(currentKey);
        continue;
      }
      if (depth === 1 && phase === 'value') {
        if (mode === 'items' && c !== 0x5b) fail(`"${currentKey}" is not a JSON array`, line);
        phase = mode === 'items' ? 'items' : 'in-value';
        if (mode === 'whole') start = i;
      } else if (phase === 'items' && depth === 2 && !itemOpen && c !== 0x5d && c !== 0x2c) {
        itemOpen = true;
        itemLine = line;
        start = i;
      }
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (phase === 'items' && depth === 1) {
          if (itemOpen) out.push({ kind: 'item', key: currentKey, value: finish(chunk, i), line: itemLine });
          itemOpen = false;
          phase = 'after';
        } else if (depth === 0) {
          if (start >= 0 || parts.length > 0) out.push({ kind: 'whole', key: currentKey, value: finish(chunk, i) });
          phase = 'key';
        }
      } else if (c === 0x2c) {
        if (phase === 'items' && depth === 2 && itemOpen) {
          out.push({ kind: 'item', key: currentKey, value: finish(chunk, i), line: itemLine });
          itemOpen = false;
        } else if (depth === 1) {
          if (start >= 0 || parts.length > 0) out.push({ kind: 'whole', key: currentKey, value: finish(chunk, i) });
          phase = 'key';
        }
      }
    }
    if (start >= 0) {
      parts.push(chunk.subarray(start));
      start = 0;
    }
    yield* out;
  }
  if (depth !== 0 || !started) fail('the JSON document ends before it is complete', line);
}
