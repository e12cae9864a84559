/** Files that are not CSV are named for what they are, with a hint saying what to do instead. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/read/magic.js';
import { run } from '../support/run.js';

const latin = (s: string): Buffer => Buffer.from(s, 'latin1');
// The first bytes of each kind, as the format specifications fix them (PNG signature, JFIF SOI, GIF87a/89a, %PDF-).
const PNG = Buffer.concat([latin('\x89PNG\r\n\x1a\n'), Buffer.from([0, 0, 0, 13]), latin('IHDR'), Buffer.alloc(40)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), latin('JFIF\x00'), Buffer.alloc(40)]);

const cases: [string, Buffer, string, RegExp][] = [
  ['PNG', PNG, 'not a CSV file (looks like a PNG image)', /picture of the results/],
  ['JPEG', JPEG, 'not a CSV file (looks like a JPEG image)', /picture of the results/],
  ['GIF', latin('GIF89a\x01\x00\x01\x00\x80\x00\x00'), 'not a CSV file (looks like a GIF image)', /picture/],
  ['PDF', latin('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'), 'not a CSV file (looks like a PDF document)', /CSV export/],
  ['JSON object', Buffer.from('{"races": [{"office": "Governor", "votes": 12}]}\n'), 'not a CSV file (looks like a JSON document)', /convert the JSON to CSV/],
  ['JSON array', Buffer.from('[\n  {"candidate": "A", "votes": 1}\n]\n'), 'not a CSV file (looks like a JSON document)', /convert the JSON/],
  ['HTML without doctype', Buffer.from('\n  <html lang="en"><head><title>Results</title></head>\n'), 'not a CSV file (looks like a web page (HTML))', /page was saved instead of the file/],
];

describe('not a CSV file', () => {
  it.each(cases)('%s: one line naming the kind, and a hint; exit 1', async (_kind, bytes, message, hint) => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-magic-'));
    const path = join(dir, 'results.csv');
    writeFileSync(path, bytes);
    const r = await run([path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [first, second, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toBe(`runoff: ${path}: ${message}`);
    expect(second).toMatch(/^ {2}hint: /);
    expect(second).toMatch(hint);
    expect(rest).toEqual([]);
  });

  it('the same through standard input', async () => {
    const r = await run(['-'], { stdin: PNG });
    expect(r.stderr).toContain('<stdin>: not a CSV file (looks like a PNG image)');
  });

  it('leaves real CSV alone, including headers that start with a bracket or a less-than sign', () => {
    for (const text of ['candidate,votes\nA,1\n', '[Race],votes\n', '<candidate>,votes\n', '"{x}",votes\n', '\uFEFFoffice,votes\n']) {
      expect(recognise(Buffer.from(text)), text).toBeNull();
    }
  });
});
