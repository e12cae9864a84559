/**
 * A streaming XML reader for the xlsx sheets, CDF XML and Hart XML readers: saxes parses each chunk as it
 * arrives and hands back that chunk's events, so memory holds one chunk's events, never the whole document.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { DataError } from '../../model/errors.js';

export type SaxEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; line: number }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string };

/** Drop the namespace prefix: CDF files may write `cdf:CVR` or `CVR`, Hart `xsi:type` stays an attribute. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The events of an XML stream, one batch per chunk read; element names without their prefix. */
export async function* saxEvents(stream: Readable, file: string): AsyncIterable<SaxEvent[]> {
  const parser = new SaxesParser();
  let batch: SaxEvent[] = [];
  parser.on('opentag', (tag) => {
    batch.push({ kind: 'open', name: localName(tag.name), attrs: tag.attributes, line: parser.line });
  });
  parser.on('text', (text) => batch.push({ kind: 'text', text }));
  parser.on('cdata', (text) => batch.push({ kind: 'text', text }));
  parser.on('closetag', (tag) => batch.push({ kind: 'close', name: localName(tag.name) }));
  // setEncoding decodes UTF-8 across chunk boundaries, so a character split between two chunks stays whole.
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (batch.length > 0) yield batch;
      batch = [];
    }
    parser.close();
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`not well-formed XML: ${firstLine(err)}`, { file, line: parser.line }, 'is the file complete and really XML?');
  }
  if (batch.length > 0) yield batch;
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').replace(/^.*?:\d+:\d+: /, '');
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
