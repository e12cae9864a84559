/**
 * Small checked accessors for vendor JSON (Dominion manifests and exports, NIST CDF): a missing or mistyped
 * field becomes a DataError naming the field and the file, never an `undefined` that flows on.
 */
import { DataError } from '../../model/errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class JsonReader {
  constructor(
    readonly file: string,
    private readonly hint: string,
  ) {}

  fail(message: string): never {
    throw new DataError(message, { file: this.file }, this.hint);
  }

  object(v: Json | undefined, what: string): JsonObject {
    return isObject(v) ? v : this.fail(`${what} is not a JSON object`);
  }

  array(v: Json | undefined, what: string): Json[] {
    return Array.isArray(v) ? v : this.fail(`${what} is not a JSON array`);
  }

  /** A list that may be absent (absent = empty). */
  optionalArray(v: Json | undefined, what: string): Json[] {
    return v === undefined || v === null ? [] : this.array(v, what);
  }

  /** An id: a string or a whole number, as text. */
  id(v: Json | undefined, what: string): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    return this.fail(`${what} is missing or not an id`);
  }

  int(v: Json | undefined, what: string): number {
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) ? n : this.fail(`${what} is missing or not a whole number`);
  }

  bool(v: Json | undefined, what: string): boolean {
    return typeof v === 'boolean' ? v : this.fail(`${what} is missing or not true/false`);
  }

  string(v: Json | undefined, what: string): string {
    return typeof v === 'string' ? v : this.fail(`${what} is missing or not text`);
  }

  parse(text: string): Json {
    try {
      return JSON.parse(text) as Json;
    } catch (err) {
      return this.fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
