/**
 * `npm start`: builds the standalone viewer and serves it on 127.0.0.1 (loopback only), printing
 * its address. PORT chooses the port (default 5173; the next free one is taken when busy).
 * `--no-build` serves the last build.
 */
import { build, preview } from 'vite';
import { viewerConfig } from '../../vite.config.js';

/** Builds (unless told not to) and starts the preview server; resolves to its URL and a closer. */
export async function serveViewer(options: { port?: number; build?: boolean; examDirs?: Record<string, string>; outDir?: string; testHooks?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const config = viewerConfig({ ...(options.examDirs ? { examDirs: options.examDirs } : {}), ...(options.outDir ? { outDir: options.outDir } : {}), testHooks: options.testHooks === true });
  if (options.build !== false) {
    // Always the production build (a test runner's NODE_ENV=test would otherwise give development React).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ ...config, configFile: false, mode: 'production' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await preview({ ...config, configFile: false, preview: { ...config.preview, port: options.port ?? 5173 } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 5173);
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/viewer/serve.ts') === true;
if (isMain) {
  const port = Number(process.env.PORT ?? 5173);
  serveViewer({ port: Number.isInteger(port) && port > 0 ? port : 5173, build: !process.argv.includes('--no-build') })
    .then(({ url }) => console.log(`calcscribe viewer: ${url}`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
}
