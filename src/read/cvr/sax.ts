/**
 * A streaming XML tokenizer for the xlsx sheets, CDF XML and Hart XML readers. The documents they read are
 * plain element trees (no DTD, no entities beyond the five predefined and character references), so tokens are
 * found with indexOf, several times faster than a general SAX parser (saxes) on a large sheet.
 * It still refuses what is not well formed: a close tag that does not match, a document that ends inside an
 * element, a broken tag. Events come in batches, one per chunk read, so memory holds one chunk's events.
 */
import type { Readable } from 'node:stream';
import { DataError } from '../../model/errors.js';

export type SaxEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; line: number }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string };

/** Drop the namespace prefix: CDF files may write `cdf:CVR` or `CVR`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** How much unparsed text may wait for the rest of a token before the document is called broken. */
const MAX_CARRY = 1 << 20;

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name !== undefined ? (NAMED[name] ?? '') : String.fromCodePoint(hex !== undefined ? parseInt(hex, 16) : Number(dec)),
  );
}

const LT = 0x3c;
const BANG = 0x21;
const QUESTION = 0x3f;
const NAME = /^[A-Za-z_][\w:.-]*/;

/** The index just past the `>` that ends the tag opening at `pos` (a `>` inside a quoted value does not), or -1. */
function tagEnd(buf: string, pos: number): number {
  let quote = 0;
  for (let i = pos + 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

/** `name="value"` pairs from `from` on into `attrs`; false when the text is not a list of them. */
function readAttributes(tag: string, from: number, attrs: Record<string, string>): boolean {
  let i = from;
  for (;;) {
    while (i < tag.length && tag.charCodeAt(i) <= 0x20) i++;
    if (i >= tag.length) return true;
    const eq = tag.indexOf('=', i);
    if (eq < 0) return false;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < tag.length && tag.charCodeAt(q) <= 0x20) q++;
    const quote = tag[q];
    if (name === '' || (quote !== '"' && quote !== "'")) return false;
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) return false;
    attrs[name] = decode(tag.slice(q + 1, close));
    i = close + 1;
  }
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The events of an XML stream, one batch per chunk read; element names without their prefix. */
export async function* saxEvents(stream: Readable, file: string): AsyncIterable<SaxEvent[]> {
  const fail = (message: string, line: number): never => {
    throw new DataError(`not well-formed XML: ${message}`, { file, line }, 'is the file complete and really XML?');
  };
  let line = 1;
  let carry = '';
  let first = true;
  let sawRoot = false;
  const open: string[] = [];
  // setEncoding decodes UTF-8 across chunk boundaries, so a character split between two chunks stays whole.
  stream.setEncoding('utf8');
  const text = (raw: string, batch: SaxEvent[]): void => {
    if (open.length > 0) batch.push({ kind: 'text', text: raw });
    else if (raw.trim() !== '') fail('text outside the root element', line);
  };
  const tag = (body: string, batch: SaxEvent[]): void => {
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const top = open.pop();
      if (top !== name) fail(top === undefined ? `</${name}> closes nothing` : `</${name}> closes <${top}>`, line);
      batch.push({ kind: 'close', name: localName(name) });
      return;
    }
    const selfClose = body.endsWith('/');
    const inner = selfClose ? body.slice(0, -1) : body;
    const m = NAME.exec(inner);
    if (!m) return fail(`a broken tag <${body.slice(0, 20)}>`, line);
    const name = m[0];
    if (open.length === 0 && sawRoot) fail(`a second root element <${name}>`, line);
    sawRoot = true;
    const attrs: Record<string, string> = {};
    if (inner.length > name.length && !readAttributes(inner, name.length, attrs)) fail(`a broken attribute in <${body.slice(0, 40)}>`, line);
    batch.push({ kind: 'open', name: localName(name), attrs, line });
    if (selfClose) batch.push({ kind: 'close', name: localName(name) });
    else open.push(name);
  };
  /** Tokens of `buf`; what a chunk's end cuts (a tag, or text that may hold a cut entity) is kept for the next. */
  const scan = (buf: string, final: boolean): SaxEvent[] => {
    const batch: SaxEvent[] = [];
    let pos = 0;
    while (pos < buf.length) {
      if (buf.charCodeAt(pos) !== LT) {
        const lt = buf.indexOf('<', pos);
        if (lt < 0 && !final) break;
        const end = lt < 0 ? buf.length : lt;
        const raw = buf.slice(pos, end);
        text(decode(raw), batch);
        line += newlines(raw);
        pos = end;
        continue;
      }
      const next = buf.charCodeAt(pos + 1);
      let end: number;
      if (next === BANG || next === QUESTION) {
        const close = buf.startsWith('<!--', pos) ? '-->' : buf.startsWith('<![CDATA[', pos) ? ']]>' : next === QUESTION ? '?>' : '>';
        const at = buf.indexOf(close, pos);
        if (at < 0) break;
        end = at + close.length;
        if (close === ']]>') text(buf.slice(pos + 9, at), batch);
      } else {
        end = tagEnd(buf, pos);
        if (end < 0) break;
        tag(buf.slice(pos + 1, end - 1), batch);
      }
      line += newlines(buf.slice(pos, end));
      pos = end;
    }
    if (final && pos < buf.length) fail(`the document ends inside "${buf.slice(pos, pos + 20)}"`, line);
    if (buf.length - pos > MAX_CARRY) fail(`a token longer than ${MAX_CARRY} characters`, line);
    carry = buf.slice(pos);
    return batch;
  };
  for await (const chunk of stream) {
    let text = carry + (chunk as string);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const batch = scan(text, false);
    if (batch.length > 0) yield batch;
  }
  const batch = scan(carry, true);
  if (batch.length > 0) yield batch;
  if (!sawRoot) fail('no root element', line);
  if (open.length > 0) fail(`the document ends inside <${open.at(-1) ?? ''}>`, line);
}

/** Collects the text of the current element (and its children) until `take()` is called. */
export class TextBuffer {
  private parts: string[] = [];
  add(text: string): void {
    this.parts.push(text);
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}
