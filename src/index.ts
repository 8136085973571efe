/** Bundle entry of the Action (dist/index.js): only runs main.run(), which never throws. */
import { setWorkerScript } from './extract/pool.js';
import { run } from './main.js';
import { tuneTiering } from './tiering.js';

// No top-level await: in the single-file bundle, modules loaded by dynamic import (the OTA
// payload codecs) are evaluated after the entry's body, so awaiting here would run the whole
// scan before they exist.
// Extraction worker threads load their own bundle beside this one (src/worker.ts).
setWorkerScript(new URL('./worker.js', import.meta.url));
tuneTiering();
void run();
