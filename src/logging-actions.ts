/**
 * A Logger over @actions/core for the Action. Engine warnings and errors become annotations only
 * up to a small budget, so they cannot crowd out the findings' annotations (GitHub keeps 10 per
 * level per step); past it they are plain log lines. The counts tell main.ts how many slots of
 * each level are already used.
 */
import type { AnnotationProperties } from '@actions/core';
import { safeLogText, visible, type Logger } from './logging.js';

export interface ActionsCoreLike {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  isDebug(): boolean;
}

export interface ActionsLogger extends Logger {
  /** Annotations this logger has emitted, per level. */
  annotationsUsed(): { error: number; warning: number };
}


/** At most `maxAnnotations` warning and as many error annotations; the rest go to the log. */
export function getActionsLogger(core: ActionsCoreLike, maxAnnotations = 3): ActionsLogger {
  const used = { error: 0, warning: 0 };
  return {
    // Lines printed as they are (info, debug, and warnings and errors past the budget) are made
    // safe (safeLogText); annotations go through core's command escaping, which the runner undoes
    // (a newline in a path would become a line of the annotation): shown as `visible` makes them.
    debug: (m) => core.debug(safeLogText(m)),
    info: (m) => core.info(safeLogText(m)),
    warning: (m) => {
      if (used.warning < maxAnnotations) {
        used.warning++;
        core.warning(visible(m));
      } else core.info(safeLogText(`warning: ${m}`));
    },
    error: (m) => {
      if (used.error < maxAnnotations) {
        used.error++;
        core.error(visible(m));
      } else core.info(safeLogText(`error: ${m}`));
    },
    isDebug: () => core.isDebug(),
    annotationsUsed: () => ({ ...used }),
  };
}
