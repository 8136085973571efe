/**
 * Bundle entry of the extraction worker threads (dist/worker.js), which the CLI and the Action
 * start beside them: the extraction code only, so that a worker neither parses nor initialises
 * the report, policy, GitHub and CLI code of the bundle that started it. Two workers were ready in
 * ~135 ms and took ~29 MB each when they loaded the Action's bundle (2.7 MB), ~91 ms and ~21 MB
 * the CLI's; their own bundle (0.9 MB): ~72 ms and ~18 MB.
 */
import { isExtractionWorker, runWorker } from './extract/pool.js';

if (isExtractionWorker()) {
  void runWorker();
} else {
  process.stderr.write('dist/worker.js is the extraction worker of activation-gate: run dist/cli.js instead\n');
  process.exitCode = 2;
}
