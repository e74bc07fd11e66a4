/**
 * Serves exam folders (DICOM files, exam.json and truth JSON) read-only under URL prefixes, in the
 * dev server and in the preview server. Only plain file names inside the folder (and one level of
 * sub-folder such as prior/) are served; nothing outside the folder can be reached.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';

const SAFE_PATH = /^(?:[A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+\.(?:dcm|json)$/;

type Next = (err?: unknown) => void;

/** Resolves a request path below a prefix to a file inside `dir`, or null when it is not allowed. */
export function resolveExamFile(dir: string, rest: string): string | null {
  if (!SAFE_PATH.test(rest) || rest.includes('..')) return null;
  const full = normalize(join(dir, rest));
  const base = normalize(dir.endsWith(sep) ? dir : dir + sep);
  return full.startsWith(base) ? full : null;
}

function middleware(dirs: Record<string, string>) {
  return async (req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    const prefix = Object.keys(dirs).find((p) => url.startsWith(p));
    if (prefix === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const file = resolveExamFile(dirs[prefix] as string, decodeURIComponent(url.slice(prefix.length)));
    if (file === null) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.statusCode = 200;
      res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/dicom');
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  };
}

/** A Vite plugin serving the given exam folders: `{ '/sample/': '/abs/test-data/sample/' }`. */
export function examFiles(dirs: Record<string, string>): Plugin {
  return {
    name: 'calcscribe-exam-files',
    configureServer(server) {
      server.middlewares.use(middleware(dirs));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(dirs));
    },
  };
}
