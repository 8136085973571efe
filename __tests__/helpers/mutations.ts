/**
 * The mutation arbitrary of the parser property tests: a real fixture cut short and with some
 * bytes replaced. Every parser must either read the result or throw FormatError.
 */
import fc from 'fast-check';
import { FormatError } from '../../src/formats/errors.js';

export function truncatedAndFlipped(buf: Buffer, maxFlips = 8): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.integer({ min: 0, max: buf.length }), fc.array(fc.tuple(fc.nat(Math.max(0, buf.length - 1)), fc.integer({ min: 0, max: 255 })), { maxLength: maxFlips }))
    .map(([cut, flips]) => {
      const b = Buffer.from(buf.subarray(0, cut));
      for (const [at, v] of flips) if (at < b.length) b[at] = v;
      return b;
    });
}

/** Runs `parse`; a FormatError is an accepted outcome, any other exception fails the property. */
export function parsesOrFormatError(parse: () => void): void {
  try {
    parse();
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
  }
}

/**
 * Runs per property: `n` in the suite (with the fixed global seed of fast-check-seed.ts), more
 * under `npm run fuzz`, which sets FC_NUM_RUNS and a fresh FC_SEED every round.
 */
export function fuzzRuns(n: number): number {
  return Number(process.env.FC_NUM_RUNS ?? n);
}
