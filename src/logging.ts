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

/** Writes to stderr, so stdout stays clean for `--format json` and friends. */
export function getConsoleLogger(debug = false, stream: NodeJS.WritableStream = process.stderr): Logger {
  return {
    debug: (m) => {
      if (debug) stream.write(`debug: ${m}\n`);
    },
    info: (m) => stream.write(`${m}\n`),
    warning: (m) => stream.write(`warning: ${m}\n`),
    error: (m) => stream.write(`error: ${m}\n`),
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
