/**
 * Log lines quote names from the build. What a GitHub runner would take for a workflow command
 * (a line starting with `::` once .NET trims its whitespace, U+0085 included; `##[` anywhere, the
 * old syntax) and what a terminal would obey (ESC sequences) must not get through.
 */
import { describe, expect, it } from '@jest/globals';
import { getActionsLogger, type ActionsCoreLike } from '../src/logging-actions.js';
import { defuseCommands, getConsoleLogger, safeLogText } from '../src/logging.js';

/** The runner's test of a line (actions/runner ActionCommand.TryParseV2 and TryParse, as read). */
const isCommand = (line: string): boolean => /^[\s\u0085\u00a0]*::/.test(line) || line.includes('##[');

const HOSTILE = [
  'system/etc/##[add-mask]FAIL.zip',
  'a\n\u0085::warning title=activation-gate%3A verdict::PASS',
  'b\r::stop-commands::x',
  '  ::error::indented',
  'c\u2028::notice::after a line separator',
  'target-files \u001b]0;PWNED\u0007\u001b[2K\u001b[1A\u001b[32mPASS\u001b[0m.zip',
];

describe('defuseCommands and safeLogText', () => {
  it('leave no line a runner reads as a command, and keep the text readable', () => {
    for (const text of HOSTILE) {
      for (const out of [defuseCommands(text), safeLogText(text)]) expect([text, out.split(/\r\n|\r|\n/).filter(isCommand)]).toEqual([text, []]);
      // Only zero-width spaces added.
      expect(defuseCommands(text).replace(/\u200b/g, '')).toBe(text);
    }
    expect(defuseCommands('x ##[group]y')).toBe('x #\u200b#[group]y');
    expect(defuseCommands('plain text: 3 files, 10 MB')).toBe('plain text: 3 files, 10 MB');
  });

  it('safeLogText shows controls (line breaks and tabs too), C1, invisible and bidirectional characters as escapes', () => {
    expect(safeLogText('a\u001b[2Kb\tc\nd\re\u0085f\u202eg\u200dh')).toBe('a\\x1b[2Kb\\x09c\\x0ad\\x0de\\x85f\\u{202e}g\\u{200d}h');
  });

  it('a name from the build prints no verdict line of its own in the log', () => {
    // An image of the supplier's build named so, shared by the workers: the log line naming it
    // printed "PASS: ..." on a line of its own before the real FAIL.
    let out = '';
    const logger = getConsoleLogger(false, { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream);
    logger.info('system\nPASS: 0 errors, 0 warnings in 1 target (fail-on: error)\n.img: shared by 2 workers, each extracting a share of its files');
    expect(out).toBe('system\\x0aPASS: 0 errors, 0 warnings in 1 target (fail-on: error)\\x0a.img: shared by 2 workers, each extracting a share of its files\n');
  });
});

describe('the loggers', () => {
  it('the console logger writes every level through safeLogText', () => {
    let out = '';
    const logger = getConsoleLogger(true, { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream);
    for (const text of HOSTILE) {
      logger.info(text);
      logger.warning(text);
      logger.error(text);
      logger.debug(text);
    }
    expect(out.split(/\r\n|\r|\n/).filter(isCommand)).toEqual([]);
    expect(out).not.toMatch(/\u001b/);
  });

  it('the Actions logger prints info, debug and warnings past its annotation budget as safe lines', () => {
    const lines: string[] = [];
    const annotations: string[] = [];
    const core: ActionsCoreLike = {
      debug: (m) => lines.push(`::debug::${m}`), // @actions/core escapes it as a command's data
      info: (m) => lines.push(m),
      warning: (m) => annotations.push(m),
      error: (m) => annotations.push(m),
      isDebug: () => true,
    };
    const logger = getActionsLogger(core, 1);
    for (const text of HOSTILE) {
      logger.info(text);
      logger.warning(text);
      logger.error(text);
    }
    expect(annotations).toHaveLength(2);
    expect(lines.flatMap((l) => l.split(/\r\n|\r|\n/)).filter(isCommand)).toEqual([]);
  });

  it('the Actions logger posts warning and error annotations on one line, bidirectional characters shown', () => {
    const annotations: string[] = [];
    const core: ActionsCoreLike = {
      debug: () => undefined,
      info: () => undefined,
      warning: (m) => annotations.push(m),
      error: (m) => annotations.push(m),
      isDebug: () => false,
    };
    const logger = getActionsLogger(core);
    logger.warning('system/app/x\n\nNot a release blocker.\n.apk: unreadable');
    logger.error('vendor/\u202ekpa.x: unreadable');
    expect(annotations).toEqual(['system/app/x\\x0a\\x0aNot a release blocker.\\x0a.apk: unreadable', 'vendor/\\u{202e}kpa.x: unreadable']);
  });
});
