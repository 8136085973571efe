/**
 * Buffers lent for data that is consumed before the next one is needed: an entry inflated or read
 * out of an archive, parsed and scanned, then dropped. Reusing them spares the allocator a new
 * multi-MiB buffer per entry (which it keeps in per-thread arenas once freed) and the garbage
 * collector the external memory it would otherwise chase.
 *
 * A lease is exclusive until it is given back, so nested archives (a ZIP inside an entry being
 * scanned) take buffers of their own. Nothing may keep a view of a leased buffer past its return:
 * the parsers copy what they keep (strings, numbers).
 */
export class ScratchPool {
  private readonly free: Buffer[] = [];
  /** Fixed buffers lent first (adopt): the idle ones, and all of them to tell them apart. */
  private readonly idleSlots: Buffer[] = [];
  private readonly slots = new Set<Buffer>();

  /**
   * @param keepBytes buffers larger than this are not kept (nor rounded up)
   * @param keepCount at most this many idle buffers are kept
   */
  constructor(
    readonly keepBytes: number,
    readonly keepCount: number,
  ) {}

  /**
   * Buffers lent before any other whenever one is idle and large enough, never dropped: the
   * endpoint scanner's WebAssembly memory (scan-block.ts), which it scans where they lie instead
   * of copying each block into its memory.
   */
  adopt(slots: Buffer[]): void {
    for (const b of slots) {
      this.slots.add(b);
      this.idleSlots.push(b);
    }
  }

  /** A buffer of at least `n` bytes (its contents are not cleared). */
  take(n: number): Buffer {
    for (let i = this.idleSlots.length - 1; i >= 0; i--) if (this.idleSlots[i].length >= n) return this.idleSlots.splice(i, 1)[0];
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const len = this.free[i].length;
      if (len >= n && (best < 0 || len < this.free[best].length)) best = i;
    }
    if (best >= 0) return this.free.splice(best, 1)[0];
    if (n > this.keepBytes) return Buffer.allocUnsafeSlow(n);
    // None fits: the largest idle one is dropped, the new one takes its place when given back
    // (idle buffers that are all too small would otherwise pile up, one per size).
    if (this.free.length) {
      let largest = 0;
      for (let i = 1; i < this.free.length; i++) if (this.free[i].length > this.free[largest].length) largest = i;
      this.free.splice(largest, 1);
    }
    // Rounded up to a power of two (at least 1 MiB) so that slightly larger entries reuse it.
    let size = 1 << 20;
    while (size < n) size *= 2;
    return Buffer.allocUnsafeSlow(Math.min(size, this.keepBytes));
  }

  /** Gives a buffer back; it may be lent again. */
  give(buf: Buffer): void {
    if (this.slots.has(buf)) {
      // Given back twice (a caller's bug), a slot must still be lent only once at a time.
      if (!this.idleSlots.includes(buf)) this.idleSlots.push(buf);
      return;
    }
    if (buf.length > this.keepBytes) return;
    if (this.free.length < this.keepCount) {
      this.free.push(buf);
      return;
    }
    // Full: keep the larger ones (they serve every request a smaller one does).
    let smallest = 0;
    for (let i = 1; i < this.free.length; i++) if (this.free[i].length < this.free[smallest].length) smallest = i;
    if (this.free[smallest].length < buf.length) this.free[smallest] = buf;
  }

  /** Bytes held by idle buffers. */
  get idleBytes(): number {
    return this.free.reduce((a, b) => a + b.length, 0);
  }
}

/**
 * This thread's pool for archive entries and raw chunks: up to two idle buffers of up to 32 MiB
 * (an entry being scanned, and a ZIP or a raw file inside it). Entries larger than that get a
 * buffer of their own, freed with them.
 */
export const entryScratch = new ScratchPool(32 << 20, 2);
