/**
 * Streams the top-level members of one large JSON object without holding the document: a byte scanner finds
 * where each member (or each item of a member that is an array) begins and ends, and only that slice is handed
 * to JSON.parse. A CDF export of a whole county is one object whose `CVR` array holds every ballot; this keeps
 * one ballot in memory at a time. Structural characters are ASCII, so scanning bytes is safe for UTF-8.
 */
import { createReadStream } from 'node:fs';
import { DataError } from '../../model/errors.js';
import { utf8BomLength } from '../decode.js';
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

type Phase = 'key' | 'colon' | 'value' | 'in-value' | 'items' | 'after';

/** The scanner's state between chunks; a class so that V8 optimises the byte loop of `feed`. */
class JsonCutter {
  line = 1;
  depth = 0;
  inString = false;
  escape = false;
  started = false;
  phase: Phase = 'key';
  key: number[] | undefined;
  currentKey = '';
  mode: MemberPlan = 'skip';
  itemOpen = false;
  itemLine = 0;
  // The slice being captured, as parts from earlier chunks plus a start offset in this one (-1: none).
  parts: Buffer[] = [];
  start = -1;

  constructor(
    private readonly path: string,
    private readonly plan: (key: string) => MemberPlan,
  ) {}

  fail(message: string): never {
    throw new DataError(message, { file: this.path, line: this.line }, 'is the file complete and really a JSON object?');
  }

  private finish(chunk: Buffer, end: number): Json {
    this.parts.push(chunk.subarray(this.start, end));
    const text = Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.start = -1;
    try {
      return JSON.parse(text) as Json;
    } catch (err) {
      return this.fail(`"${this.currentKey}" is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  feed(chunk: Buffer, out: JsonPiece[]): void {
    let i = 0;
    if (!this.started) i = utf8BomLength(chunk);
    const n = chunk.length;
    let backslash = -1;
    for (; i < n; i++) {
      if (this.inString && !this.escape && !this.key) {
        // Jump to the string's closing quote: JSON strings hold no raw newline, and most hold no backslash.
        // The next backslash is looked up again only once passed, so the whole chunk costs one pass.
        if (backslash < i) backslash = chunk.indexOf(BACKSLASH, i) < 0 ? n : chunk.indexOf(BACKSLASH, i);
        const q = chunk.indexOf(QUOTE, i);
        if (q >= 0 && q < backslash) {
          i = q;
          this.inString = false;
          continue;
        }
        if (backslash >= n) break;
        i = backslash;
        this.escape = true;
        continue;
      }
      // Deep inside a value only brackets, quotes and line ends matter: pass over the rest quickly.
      if (!this.inString && (this.depth >= 3 || (this.depth === 2 && this.phase !== 'items'))) {
        while (i < n) {
          const d = chunk[i] as number;
          if (d === QUOTE || d === 0x7b || d === 0x7d || d === 0x5b || d === 0x5d || d === NEWLINE) break;
          i++;
        }
        if (i >= n) break;
      }
      const c = chunk[i] as number;
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.key) {
            this.currentKey = JSON.parse(`"${Buffer.from(this.key).toString('utf8')}"`) as string;
            this.key = undefined;
            this.phase = 'colon';
            continue;
          }
        }
        if (this.key) this.key.push(c);
        continue;
      }
      if (isSpace(c)) continue;
      if (!this.started) {
        if (c !== 0x7b) this.fail('the document is not a JSON object');
        this.started = true;
        this.depth = 1;
        continue;
      }
      if (this.depth === 1 && this.phase === 'key') {
        if (c === QUOTE) {
          this.inString = true;
          this.key = [];
        } else if (c === 0x7d) this.depth = 0;
        else this.fail('expected a member name');
        continue;
      }
      if (this.depth === 1 && this.phase === 'colon') {
        if (c !== 0x3a) this.fail(`expected ':' after "${this.currentKey}"`);
        this.phase = 'value';
        this.mode = this.plan(this.currentKey);
        continue;
      }
      if (this.depth === 1 && this.phase === 'value') {
        if (this.mode === 'items' && c !== 0x5b) this.fail(`"${this.currentKey}" is not a JSON array`);
        this.phase = this.mode === 'items' ? 'items' : 'in-value';
        if (this.mode === 'whole') this.start = i;
      } else if (this.phase === 'items' && this.depth === 2 && !this.itemOpen && c !== 0x5d && c !== 0x2c) {
        this.itemOpen = true;
        this.itemLine = this.line;
        this.start = i;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.phase === 'items' && this.depth === 1) {
          if (this.itemOpen) out.push({ kind: 'item', key: this.currentKey, value: this.finish(chunk, i), line: this.itemLine });
          this.itemOpen = false;
          this.phase = 'after';
        } else if (this.depth === 0) {
          if (this.start >= 0 || this.parts.length > 0) out.push({ kind: 'whole', key: this.currentKey, value: this.finish(chunk, i) });
          this.phase = 'key';
        }
      } else if (c === 0x2c) {
        if (this.phase === 'items' && this.depth === 2 && this.itemOpen) {
          out.push({ kind: 'item', key: this.currentKey, value: this.finish(chunk, i), line: this.itemLine });
          this.itemOpen = false;
        } else if (this.depth === 1) {
          if (this.start >= 0 || this.parts.length > 0) out.push({ kind: 'whole', key: this.currentKey, value: this.finish(chunk, i) });
          this.phase = 'key';
        }
      }
    }
    if (this.start >= 0) {
      this.parts.push(chunk.subarray(this.start));
      this.start = 0;
    }
  }
}

/** `chunkSize` only for tests, to put chunk boundaries everywhere. */
export async function* jsonMembers(path: string, plan: (key: string) => MemberPlan, chunkSize?: number): AsyncIterable<JsonPiece> {
  const cutter = new JsonCutter(path, plan);
  for await (const raw of createReadStream(path, chunkSize === undefined ? {} : { highWaterMark: chunkSize })) {
    const out: JsonPiece[] = [];
    cutter.feed(raw as Buffer, out);
    yield* out;
  }
  if (cutter.depth !== 0 || !cutter.started) cutter.fail('the JSON document ends before it is complete');
}
