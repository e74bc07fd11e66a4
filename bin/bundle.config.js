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
    // The decode worker is a second entry: worker-decoders.ts starts it from beside itself.
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'src/cli/main.ts', 'decode-worker': 'src/cli/decode-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: ['dicom-parser'], target: 'node' },
});
