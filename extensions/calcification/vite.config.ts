/**
 * The extension's bundle (`npm run build`): ES modules in extensions/calcification/dist/ — index.js
 * whose default export is the extension object OHIF registers (its runtime-extension loader takes
 * an ESM build's default export), and api.js with what hosts use beside the modules. The core comes
 * in through its public entry points (calcscribe/core, calcscribe/draft, calcscribe/codes, calcscribe/dicomweb-json) and is
 * bundled; React, Cornerstone3D and OHIF are the host's (peer dependencies), left outside.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { publicEntryAliases } from '../../scripts/public-entry-points.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Modules the host provides: react (and its JSX runtime), react-dom, @cornerstonejs/*, @ohif/*. */
export const EXTERNAL = (id: string): boolean => /^(react|react-dom)(\/.*)?$/.test(id) || id.startsWith('@cornerstonejs/') || id.startsWith('@ohif/');

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  plugins: [react()],
  resolve: { alias: publicEntryAliases() },
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    cssCodeSplit: false,
    lib: {
      entry: { index: here('./index.ts'), api: here('./api.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
      cssFileName: 'calcification',
    },
    rollupOptions: { external: EXTERNAL, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
