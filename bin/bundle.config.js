/**
 * Bundles the command line for bin/calcscribe.js (`npm run build`): one ES module per command
 * (loaded when the command runs) with the core and dicom-parser inside, so that a start-up loads
 * a handful of files instead of some thirty modules and a CommonJS package. The codec packages
 * stay outside the bundle and are imported only when a frame of their transfer syntax is met.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name].js' } },
  },
  ssr: { noExternal: ['dicom-parser'], target: 'node' },
});
