// seek-bzip ships no types; only `decode` is used (src/formats/codecs.ts).
declare module 'seek-bzip' {
  export function decode(input: Buffer, output?: Buffer | number, multistream?: boolean): Buffer;
}
