/** `activation-gate` command-line entry: see cli/run.ts. */
import { runCli } from './cli/run.js';
import { setWorkerScript } from './extract/pool.js';
import { tuneTiering } from './tiering.js';

// No top-level await: in the single-file bundle, modules loaded by dynamic import (the OTA
// payload codecs) are evaluated after the entry's body, so awaiting here would run the whole
// scan before they exist.
// Extraction worker threads load their own bundle beside this one (src/worker.ts).
setWorkerScript(new URL('./worker.js', import.meta.url));
tuneTiering();
void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
