/**
 * Vite configuration of the standalone viewer (src/viewer). Served on loopback only, with a
 * Content-Security-Policy that allows the app's own scripts, its workers, WebAssembly codecs and
 * blob: URLs for local files, and nothing else.
 */
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { examFiles } from './src/viewer/serve/exam-files-plugin.js';
import { requestGuard } from './src/viewer/serve/request-guard.js';
import { dicomWebProxy } from './src/viewer/serve/dicomweb-proxy.js';
import type { DicomWebTarget } from './src/viewer/serve/dicomweb-settings.js';
import { publicEntryAliases } from './scripts/public-entry-points.js';

const root = fileURLToPath(new URL('./src/viewer/', import.meta.url));
const sampleDir = fileURLToPath(new URL('./test-data/sample/', import.meta.url));

/** The policy sent with every page; 'wasm-unsafe-eval' lets the image codecs compile WebAssembly. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const headers = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // With the opener policy, makes the page cross-origin isolated: the decoded pixels are shared
  // between the analysis worker and the page (SharedArrayBuffer) instead of copied.
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The viewer's configuration. `examDirs` maps URL prefixes to folders of exams served read-only
 * (the bundled sample is always at /sample/). `testHooks`: the build the browser tests and
 * benchmarks drive, with window.calcscribe (never served by `npm start`). `dicomWeb`: the PACS the
 * served viewer reaches same-origin under /dicomweb/ (src/viewer/serve/dicomweb-proxy.ts).
 */
export function viewerConfig(options: { examDirs?: Record<string, string>; outDir?: string; testHooks?: boolean; dicomWeb?: DicomWebTarget | null } = {}): UserConfig {
  return {
    root,
    // The browser tests' and benchmarks' hooks (src/viewer/app/test-hooks.ts) are in the test build only.
    define: { __CALCSCRIBE_TEST_HOOKS__: JSON.stringify(options.testHooks ?? false) },
    base: './',
    // The request guard runs first: no request reaches the others unchecked, none stops the server.
    plugins: [requestGuard(), react(), examFiles({ '/sample/': sampleDir, ...(options.examDirs ?? {}) }), dicomWebProxy(options.dicomWeb ?? null)],
    server: { host: '127.0.0.1', strictPort: false, headers, hmr: false, fs: { allow: [fileURLToPath(new URL('./', import.meta.url))] } },
    // No CORS: only the viewer's own pages read what this server answers (patient data, the PACS proxy).
    preview: { host: '127.0.0.1', strictPort: false, headers, cors: false },
    worker: { format: 'es' },
    // The 12-bit JPEG codec of the DICOM image loader, which its package does not export by name.
    // The extension reaches the core through its public entry points (calcscribe/core …), compiled from the sources here.
    resolve: {
      alias: [
        ...publicEntryAliases(),
        { find: 'dicom-image-loader-jpeg-codec', replacement: fileURLToPath(new URL('./node_modules/@cornerstonejs/dicom-image-loader/dist/esm/codecs/jpeg.js', import.meta.url)) },
      ],
    },
    optimizeDeps: {
      exclude: ['@cornerstonejs/dicom-image-loader'],
      include: [
        '@cornerstonejs/core',
        '@cornerstonejs/tools',
        '@cornerstonejs/metadata',
        '@cornerstonejs/utils',
        'comlink',
        'pako',
        'dicom-parser',
        '@cornerstonejs/codec-charls/decodewasmjs',
        '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
        '@cornerstonejs/codec-openjpeg/decodewasmjs',
        '@cornerstonejs/codec-openjph/wasmjs',
      ],
    },
    build: {
      outDir: options.outDir ?? fileURLToPath(new URL('./dist/viewer/', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 8000,
      rollupOptions: {
        input: { main: `${root}index.html`, bare: `${root}bare/index.html` },
      },
    },
    logLevel: 'error',
  };
}

export default defineConfig(viewerConfig());
