/**
 * Frame decoders for the command line that run in a worker thread under the core's time limit
 * (core/ingest/decode-time-limit.ts): a codec stuck on a damaged file is stopped and the file named,
 * and a command over a folder goes on with the next file. The worker starts when the first
 * compressed frame is met and does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { FrameDecoders } from '../core/ingest/decode-compressed-frame.js';
import { channelRunner, timeLimitedDecoders, type DecodeReply, type FrameDecodeRunner } from '../core/ingest/decode-time-limit.js';

/**
 * The worker beside this file: decode-worker.js in the bundle (dist/cli); when the sources run
 * directly (tests), decode-worker.ts loaded through tsx's loader, registered in the worker first.
 * The path is built at run time, so that the bundler leaves it alone.
 */
function newWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './decode-worker.ts' : './decode-worker.js', import.meta.url);
  if (!fromSources) return new Worker(url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

/** One decode worker thread as the core's runner. */
export function startDecodeWorker(): FrameDecodeRunner {
  const worker = newWorker();
  const runner = channelRunner({
    send: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onReply, onFailure) => {
      worker.on('message', (reply: DecodeReply) => onReply(reply));
      worker.on('error', (e) => onFailure(e));
      worker.on('exit', (code) => onFailure(new Error(`decode worker exited (code ${code})`)));
    },
    stop: () => void worker.terminate(),
  });
  // Not keeping the process alive (after the listeners, which ref it): while a frame decodes, the time limit's timer does.
  worker.unref();
  return runner;
}

/** The command line's frame decoders: in a worker thread, each frame stopped after `limitMs`. */
export function workerDecoders(limitMs?: number): FrameDecoders {
  return timeLimitedDecoders(startDecodeWorker, limitMs);
}
