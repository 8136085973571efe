// Property tests in the normal suite run with a fixed seed, so CI is repeatable; `npm run fuzz`
// sets FC_SEED (and more runs) to explore further. A failure prints the seed to replay it.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), ...(process.env.FC_NUM_RUNS ? { numRuns: Number(process.env.FC_NUM_RUNS) } : {}) });
