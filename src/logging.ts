/**
 * One Logger interface for the whole engine. The Action passes one over @actions/core, the CLI
 * one over stderr, tests a RecordingLogger. Nothing below the entry points writes to stdout.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  isDebug(): boolean;
}

/**
 * Text printed to a log carries strings from the build under scan (paths, entry names, package
 * names). The GitHub runner reads two command syntaxes in what a step prints: a line that starts
 * with `::` once .NET has trimmed its whitespace (which includes U+0085), and `##[` anywhere in a
 * line. Both are broken with a zero-width space: the text reads the same, and a file named
 * `##[add-mask]FAIL` or `\u0085::warning::PASS` cannot mask the verdict or forge an annotation.
 */
export function defuseCommands(text: string): string {
  return text.replace(/^([\s\u0085]*):(?=:)/gm, '$1:\u200b').replace(/##\[/g, '#\u200b#[');
}

/**
 * Strings from scanned files (paths, package names, versions) are untrusted: control
 * characters (ESC sequences, CR, LF, C1 controls, bidi overrides) are shown as `\xNN` / `\u{N}`
 * so that a crafted file name cannot rewrite the terminal or forge report lines.
 */
export function visible(s: string): string {
  // Controls, bidirectional marks and overrides, and the invisible characters that make one name
  // look like another (soft hyphen, zero-width spaces and joiners, line separators, BOM).
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => {
    const n = c.codePointAt(0)!;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/**
 * A log message made safe to print: one line, shown as the text report shows names (`visible`:
 * a line break as `\x0a`, ESC sequences, C1 controls, invisible and bidirectional characters as
 * escapes), then defuseCommands. A name holding ESC sequences could retitle a terminal or rewrite
 * the line above, U+202E reverses what follows, and a file named `x<newline>PASS: 0 errors, ...`
 * would print a verdict line of its own in the log.
 */
export function safeLogText(text: string): string {
  return defuseCommands(visible(text));
}

/** Writes to stderr, so stdout stays clean for `--format json` and friends. */
export function getConsoleLogger(debug = false, stream: NodeJS.WritableStream = process.stderr): Logger {
  return {
    debug: (m) => {
      if (debug) stream.write(`debug: ${safeLogText(m)}\n`);
    },
    info: (m) => stream.write(`${safeLogText(m)}\n`),
    warning: (m) => stream.write(`warning: ${safeLogText(m)}\n`),
    error: (m) => stream.write(`error: ${safeLogText(m)}\n`),
    isDebug: () => debug,
  };
}

/** Keeps every message; for tests. */
export class RecordingLogger implements Logger {
  readonly messages: { level: 'debug' | 'info' | 'warning' | 'error'; message: string }[] = [];
  debug(message: string): void {
    this.messages.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.messages.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.messages.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.messages.push({ level: 'error', message });
  }
  isDebug(): boolean {
    return true;
  }
  of(level: 'debug' | 'info' | 'warning' | 'error'): string[] {
    return this.messages.filter((m) => m.level === level).map((m) => m.message);
  }
}

export const nullLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  isDebug: () => false,
};
