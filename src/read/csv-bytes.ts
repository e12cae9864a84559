/**
 * The quote dialect's characters (the same codes as bytes and as UTF-16 units), for both readers, and the byte
 * scanner's states, in a module of their own that imports nothing: the bundler then writes their values where
 * they are used (its constant inlining applies only to such modules), and the scan loop compares bytes with
 * numbers instead of loading each constant from the module's context.
 */
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const LF = 0x0a;
export const CR = 0x0d;
export const BACKSLASH = 0x5c;

/** At the start of a field (nothing of it consumed yet). */
export const S_FIELD = 0;
/** Inside an unquoted field. */
export const S_UNQUOTED = 1;
/** Inside a quoted field. */
export const S_QUOTED = 2;
/** Inside a quoted field, just after a `"` (closing quote or first half of `""`). */
export const S_QUOTE_SEEN = 3;
