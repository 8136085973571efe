/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past ~100,000 of them the engine throws RangeError (call stack size exceeded): a
 * build with that many findings, properties or files must not crash the gate.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
