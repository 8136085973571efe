/** Bundle entry of the Action (dist/index.js): only runs main.run(), which never throws. */
import { run } from './main.js';

await run();
