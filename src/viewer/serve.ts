/**
 * `npm start`: builds the standalone viewer and serves it on 127.0.0.1 (loopback only), printing
 * its address. PORT chooses the port (default 5173; the next free one is taken when busy; 0 takes
 * any free one). `--no-build` serves the last build. `--dicomweb URL` (or CALCSCRIBE_DICOMWEB_URL,
 * with CALCSCRIBE_DICOMWEB_AUTHORIZATION and CALCSCRIBE_DICOMWEB_TIMEOUT_SECONDS) proxies that
 * DICOMweb server same-origin under /dicomweb/.
 */
import { build, preview } from 'vite';
import { viewerConfig } from '../../vite.config.js';
import { dicomWebOptionsFrom, dicomWebTarget, type DicomWebOptions } from './serve/dicomweb-settings.js';

export interface ServeOptions {
  readonly port?: number;
  readonly build?: boolean;
  readonly examDirs?: Record<string, string>;
  readonly outDir?: string;
  readonly testHooks?: boolean;
  /** The DICOMweb server (PACS) proxied under /dicomweb/; none when absent. */
  readonly dicomWeb?: DicomWebOptions;
}

/** Builds (unless told not to) and starts the preview server; resolves to its URL, the proxied PACS's label and a closer. */
export async function serveViewer(options: ServeOptions = {}): Promise<{ url: string; dicomWebLabel: string | null; close: () => Promise<void> }> {
  const target = options.dicomWeb === undefined ? null : dicomWebTarget(options.dicomWeb);
  if (target !== null && !target.ok) throw new Error(target.error.message);
  const config = viewerConfig({
    ...(options.examDirs ? { examDirs: options.examDirs } : {}),
    ...(options.outDir ? { outDir: options.outDir } : {}),
    testHooks: options.testHooks === true,
    dicomWeb: target?.value ?? null,
  });
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
  return { url: `http://127.0.0.1:${port}/`, dicomWebLabel: target?.value.label ?? null, close: () => server.close() };
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/viewer/serve.ts') === true;
if (isMain) {
  // Whatever a request does, the server keeps serving: an error no middleware caught is printed, not fatal.
  process.on('unhandledRejection', (e: unknown) => console.error(`calcscribe viewer: internal error: ${e instanceof Error ? e.message : String(e)}`));
  const port = Number(process.env.PORT ?? 5173);
  const dicomWeb = dicomWebOptionsFrom(process.argv.slice(2), process.env);
  const options = dicomWeb.ok ? dicomWeb.value : null;
  const target = options !== null ? dicomWebTarget(options) : null;
  const problem = !dicomWeb.ok ? dicomWeb.error : target !== null && !target.ok ? target.error : null;
  if (problem !== null) {
    // A wrong flag or setting is a usage error (exit 2), as on the command line.
    console.error(`calcscribe viewer: ${problem.message}`);
    process.exit(2);
  }
  serveViewer({
    port: Number.isInteger(port) && port >= 0 ? port : 5173,
    build: !process.argv.includes('--no-build'),
    ...(options !== null ? { dicomWeb: options } : {}),
  })
    .then(({ url, dicomWebLabel }) => {
      console.log(`calcscribe viewer: ${url}`);
      if (dicomWebLabel !== null) console.log(`calcscribe viewer: DICOMweb server ${dicomWebLabel} proxied at ${url}dicomweb/${options?.authorization !== undefined ? ' (with the configured Authorization)' : ''}`);
      const root = target?.ok === true ? target.value : null;
      if (root !== null && root.authorization !== null && root.root.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(root.root.hostname))
        console.warn(`calcscribe viewer: the Authorization travels unencrypted to ${root.root.host} (http://); prefer https:// for a PACS on another machine.`);
    })
    .catch((e: unknown) => {
      console.error(`calcscribe viewer: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
