/**
 * Instantiates one of our WebAssembly modules (bytes generated from the .wat beside this file by
 * `npm run wasm`), or returns null where WebAssembly is not available (node --jitless): every
 * caller then has a JavaScript path that gives the same results.
 */

// The part of the WebAssembly API used here (the compiler's ES2022 lib does not declare it).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

export interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

export function instantiate(base64: string): Record<string, unknown> | null {
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64'))).exports;
  } catch {
    return null;
  }
}
