// Bundles the Action (dist/index.js), the CLI (dist/cli.js) and the extraction worker both start
// (dist/worker.js) so that they run from a fresh clone with no npm install. The built-in catalog
// YAML is copied beside them as an asset.
import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

const copyCatalog = {
  name: 'copy-catalog',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'catalog.yml', source: readFileSync('src/catalog/catalog.yml', 'utf8') });
  },
};

const plugins = () => [
  typescript({ tsconfig: 'tsconfig.json', outDir: 'dist', noEmitOnError: true }),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json(),
];

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/index.js', format: 'es', inlineDynamicImports: true },
    plugins: [...plugins(), copyCatalog],
    onwarn(warning, warn) {
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return;
      warn(warning);
    },
  },
  {
    input: 'src/cli.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn(warning, warn) {
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return;
      warn(warning);
    },
  },
  {
    input: 'src/worker.ts',
    output: { file: 'dist/worker.js', format: 'es', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn(warning, warn) {
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return;
      warn(warning);
    },
  },
];
