/** Test helper: run text through the byte scanner and hand each record's spans to `fn` (valid only during the call). */
import { FastCsvScanner, type FieldSpans } from '../../../src/read/fast-scan.js';

export function eachRecord(text: string, fn: (r: FieldSpans) => void): void {
  const scanner = new FastCsvScanner(fn);
  scanner.push(Buffer.from(text));
  scanner.end();
}
