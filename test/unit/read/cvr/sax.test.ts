import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type SaxEvent, saxEvents } from '../../../../src/read/cvr/sax.js';

async function events(text: string, chunk = text.length): Promise<SaxEvent[]> {
  const parts: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += Math.max(1, chunk)) parts.push(bytes.subarray(i, i + Math.max(1, chunk)));
  const out: SaxEvent[] = [];
  for await (const batch of saxEvents(Readable.from(parts), 'x.xml')) out.push(...batch);
  // Text may come in pieces: join neighbours, as every reader does.
  return out.reduce<SaxEvent[]>((acc, e) => {
    const last = acc.at(-1);
    if (e.kind === 'text' && last?.kind === 'text') acc[acc.length - 1] = { kind: 'text', text: last.text + e.text };
    else acc.push(e);
    return acc;
  }, []);
}

const DOC =
  '\uFEFF<?xml version="1.0"?>\n<!-- a > comment -->\n<cdf:Report a="1 &amp; 2" b=\'x>y\'>\n <V>&lt;Ann &#233;&#x4E2D;&gt;</V><E/>' +
  '<![CDATA[<raw> & ]]></cdf:Report>\n';

describe('the XML tokenizer', () => {
  it('gives elements without prefix, decoded attributes and text, CDATA raw, lines of open tags', async () => {
    expect(await events(DOC)).toEqual([
      { kind: 'open', name: 'Report', attrs: { a: '1 & 2', b: 'x>y' }, line: 3 },
      { kind: 'text', text: '\n ' },
      { kind: 'open', name: 'V', attrs: {}, line: 4 },
      { kind: 'text', text: '<Ann é中>' },
      { kind: 'close', name: 'V' },
      { kind: 'open', name: 'E', attrs: {}, line: 4 },
      { kind: 'close', name: 'E' },
      { kind: 'text', text: '<raw> & ' },
      { kind: 'close', name: 'Report' },
    ]);
  });

  test.prop([fc.integer({ min: 1, max: 17 })])('gives the same events whatever the chunk boundaries', async (chunk) => {
    expect(await events(DOC, chunk)).toEqual(await events(DOC));
  });

  it.each([
    ['<a><b></a>', '</a> closes <b>'],
    ['<a><b>', 'the document ends inside <b>'],
    ['<a></a><b/>', 'a second root element <b>'],
    ['<a x=1></a>', 'a broken attribute'],
    ['<a>text', 'ends inside'],
    ['', 'no root element'],
  ])('%s is not well formed', async (text, message) => {
    await expect(events(text)).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining(message) });
  });
});
