/** Bundle entry of the Action (dist/index.js): only runs main.run(), which never throws. */
import { isExtractionWorker, runWorker, setWorkerScript } from './extract/pool.js';
import { run } from './main.js';

// No top-level await: in the single-file bundle, modules loaded by dynamic import (the OTA
// payload codecs) are evaluated after the entry's body, so awaiting here would run the whole
// scan before they exist.
// Extraction worker threads load this same bundle: they only run the worker loop.
if (isExtractionWorker()) {
  void runWorker();
} else {
  setWorkerScript(new URL(import.meta.url));
  void run();
}
