/**
 * Errors raised by the binary parsers. A parser throws FormatError for any input it recognises
 * but cannot read; the artifact boundary in extract/ catches it and records an unreadable fact.
 */
export class FormatError extends Error {
  readonly format: string;
  readonly offset: number | undefined;
  readonly reason: string;
  path: string | undefined;

  constructor(format: string, reason: string, offset?: number, path?: string) {
    super(`${format}: ${reason}${offset !== undefined ? ` at offset ${offset}` : ''}`);
    this.name = 'FormatError';
    this.format = format;
    this.reason = reason;
    this.offset = offset;
    this.path = path;
  }
}

/** Throws a FormatError unless `start + length` lies inside `[0, size]`. */
export function assertRange(format: string, what: string, start: number, length: number, size: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0 || start + length > size) {
    throw new FormatError(format, `${what} (${length} bytes at ${start}) overflows the ${size}-byte bounds`, start);
  }
}
