/**
 * Serves exam folders (DICOM files, exam.json and truth JSON) read-only under URL prefixes, in the
 * dev server and in the preview server. Only plain file names inside the folder (and one level of
 * sub-folder such as prior/) are served; nothing outside the folder can be reached. Files are
 * streamed (many requests at once do not hold many mammograms in memory); a path that does not
 * decode is answered 400, never thrown.
 */
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import type { Plugin } from 'vite';
import { answerText, setOwnAnswerHeaders } from './plain-answer.js';
import { guarded } from './request-guard.js';

const SAFE_PATH = /^(?:[A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+\.(?:dcm|json)$/;

type Next = (err?: unknown) => void;

/** Resolves a request path below a prefix to a file inside `dir`, or null when it is not allowed. */
export function resolveExamFile(dir: string, rest: string): string | null {
  if (!SAFE_PATH.test(rest) || rest.includes('..')) return null;
  const full = normalize(join(dir, rest));
  const base = normalize(dir.endsWith(sep) ? dir : dir + sep);
  return full.startsWith(base) ? full : null;
}

/** decodeURIComponent, or null for malformed percent-encoding. */
function decodedPath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function middleware(dirs: Record<string, string>) {
  return async (req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    const prefix = Object.keys(dirs).find((p) => url.startsWith(p));
    if (prefix === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const rest = decodedPath(url.slice(prefix.length));
    if (rest === null) {
      answerText(req, res, 400, 'The path has malformed percent-encoding.');
      return;
    }
    const file = resolveExamFile(dirs[prefix] as string, rest);
    if (file === null) {
      answerText(req, res, 404, 'not found');
      return;
    }
    // Opened once: what is measured is what is sent, even if the file is replaced meanwhile.
    const handle = await open(file, 'r').catch(() => null);
    if (handle === null) {
      answerText(req, res, 404, 'not found');
      return;
    }
    const s = await handle.stat().catch(() => null);
    if (s === null || !s.isFile()) {
      await handle.close();
      answerText(req, res, 404, 'not found');
      return;
    }
    res.statusCode = 200;
    setOwnAnswerHeaders(res);
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/dicom');
    res.setHeader('Content-Length', String(s.size));
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      await handle.close();
      res.end();
      return;
    }
    pipeline(handle.createReadStream({ autoClose: true }), res, () => undefined);
  };
}

/** A Vite plugin serving the given exam folders: `{ '/sample/': '/abs/test-data/sample/' }`. */
export function examFiles(dirs: Record<string, string>): Plugin {
  return {
    name: 'calcscribe-exam-files',
    configureServer(server) {
      server.middlewares.use(guarded(middleware(dirs)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(guarded(middleware(dirs)));
    },
  };
}
