/**
 * The UI side of the analysis worker: promise-returning calls, one worker for the whole viewer.
 */
import type { AnalysedCalcification, FindingRequest } from '../../core/analyze.js';
import type { DraftImage } from '../../core/draft/exam-draft.js';
import type { LeftOutDensity } from '../../core/left-out-densities.js';
import { err, ok, type Result } from '../../core/result.js';
import type { CalibrationKind, StoredPixels } from '../../core/image.js';
import type { ImageSummary, WorkerReply, WorkerRequest } from './protocol.js';

/** An image the worker has decoded: what the core read, its pixels and the file's header. */
export interface IngestedImage {
  readonly summary: ImageSummary;
  /** The decoded stored values (shared with the worker when the page is cross-origin isolated). */
  readonly pixels: StoredPixels;
  /** The file's bytes before its Pixel Data element. */
  readonly header: ArrayBuffer;
}

const decodeCounts = new Map<string, number>();

/**
 * The browser tests shorten the time limit on decoding a frame with the page's
 * ?decodeTimeLimitMs= (the test build only: the product always uses the core's limit).
 */
function testDecodeTimeLimitMs(): number | undefined {
  if (!__CALCSCRIBE_TEST_HOOKS__) return undefined;
  const ms = Number(new URLSearchParams(globalThis.location?.search ?? '').get('decodeTimeLimitMs'));
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** How many times each image key has been decoded by the analysis worker (the viewer's only decoder). */
export function decodesPerImage(): Record<string, number> {
  return Object.fromEntries(decodeCounts);
}

type Pending = (reply: WorkerReply) => void;

type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export interface AnalysisClient {
  /** Ingests (decodes) a file's bytes (the buffer is transferred): what the core read and the pixels. */
  ingest(key: string, bytes: ArrayBuffer): Promise<Result<IngestedImage>>;
  /** Outlines, measures and describes the request's calcifications on an ingested image (the worker's time in ms). */
  analyse(
    key: string,
    request: FindingRequest,
  ): Promise<Result<{ calibrationKind: CalibrationKind; calcifications: readonly AnalysedCalcification[]; leftOutDensities: readonly LeftOutDensity[]; ms: number }>>;
  /** What the exam draft keeps of an ingested image, under the draft's id for it. */
  draftImage(key: string, draftImageId: string, role: 'current' | 'prior'): Promise<Result<DraftImage>>;
  forget(key: string): Promise<void>;
  /**
   * Has the worker start analysing a drawn scene (asked once the exam is on screen), so that the
   * first clicks do not run cold code; it stops at the first real request. Later calls do nothing.
   */
  prepare(): Promise<void>;
  /** The image keys the worker holds decoded now. */
  held(): Promise<readonly string[]>;
  terminate(): void;
}

/** Starts the analysis worker. */
export function startAnalysisWorker(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'calcscribe-analysis' });
  const pending = new Map<number, Pending>();
  let next = 1;
  let preparing: Promise<void> | null = null;
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.(e.data);
  };
  worker.onerror = (e: ErrorEvent) => {
    for (const [id, p] of pending) p({ id, ok: false, error: { kind: 'bad-argument', message: `analysis worker failed: ${e.message}` } });
    pending.clear();
  };
  const send = (body: RequestBody, transfer: Transferable[] = []): Promise<WorkerReply> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      worker.postMessage({ ...body, id } as WorkerRequest, transfer);
    });
  return {
    async ingest(key, bytes) {
      const limit = testDecodeTimeLimitMs();
      const r = await send({ type: 'ingest', key, bytes, ...(limit === undefined ? {} : { decodeTimeLimitMs: limit }) }, [bytes]);
      if (!r.ok) return err(r.error.kind, r.error.message);
      if (r.type !== 'ingest') return err('bad-argument', 'unexpected reply');
      decodeCounts.set(key, r.decodes);
      return ok({ summary: r.summary, pixels: r.pixels, header: r.header });
    },
    async analyse(key, request) {
      const r = await send({ type: 'analyse', key, request });
      if (!r.ok) return err(r.error.kind, r.error.message);
      return r.type === 'analyse'
        ? ok({ calibrationKind: r.calibrationKind, calcifications: r.calcifications, leftOutDensities: r.leftOutDensities, ms: r.ms })
        : err('bad-argument', 'unexpected reply');
    },
    async draftImage(key, draftImageId, role) {
      const r = await send({ type: 'draftImage', key, draftImageId, role });
      if (!r.ok) return err(r.error.kind, r.error.message);
      return r.type === 'draftImage' ? ok(r.image) : err('bad-argument', 'unexpected reply');
    },
    async forget(key) {
      await send({ type: 'forget', key });
    },
    prepare() {
      preparing ??= send({ type: 'prepare' }).then(() => undefined);
      return preparing;
    },
    async held() {
      const r = await send({ type: 'held' });
      return r.ok && r.type === 'held' ? r.keys : [];
    },
    terminate() {
      worker.terminate();
    },
  };
}
