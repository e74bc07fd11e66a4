/**
 * The analysis worker: ingests DICOM bytes with the core and runs the finding analysis off the UI
 * thread (a click's calcifications: analyseCalcifications; the finding is derived on the page from
 * the draft). One MammoImage is kept per image key until it is forgotten. This is the only place the
 * viewer decodes an image: the decoded pixels go back to the page (shared when it can, see
 * shared-pixels.ts) for the display and the UI thread, and the file's bytes are let go.
 */
import { analyseCalcifications } from '../../core/analyze.js';
import { draftImageFrom } from '../../core/draft/new-exam-draft.js';
import type { MammoImage } from '../../core/image.js';
import type { BreastGeometry } from '../../core/locate/breast-geometry.js';
import { findBreast } from '../../core/locate/find-breast.js';
import { ingestDicom, type FrameDecoders } from '../../core/ingest/index.js';
import { channelRunner, timeLimitedDecoders, type DecodeReply, type FrameDecodeRunner } from '../../core/ingest/decode-time-limit.js';
import { headerBeforePixelData } from './dicom-header.js';
import { heldImage } from './held-image.js';
import { sharePixels } from './shared-pixels.js';
import { warmUpSteps } from './warm-up.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/**
 * Frames are decoded in a worker of this worker's own, under the core's time limit: a codec stuck
 * on a damaged file is stopped and the file named, and this worker goes on answering clicks on the
 * images it holds.
 */
function startDecodeWorker(): FrameDecodeRunner {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'calcscribe-decode' });
  return channelRunner({
    send: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onReply, onFailure) => {
      worker.onmessage = (e: MessageEvent<DecodeReply>) => onReply(e.data);
      worker.onerror = (e: ErrorEvent) => onFailure(new Error(e.message || 'the decode worker failed'));
    },
    stop: () => worker.terminate(),
  });
}
/** The decoders per time limit: the core's, or a test's shorter one (each with its own decode worker). */
const decodersByLimit = new Map<number | undefined, FrameDecoders>();
function decodersFor(limitMs: number | undefined): FrameDecoders {
  let d = decodersByLimit.get(limitMs);
  if (d === undefined) decodersByLimit.set(limitMs, (d = timeLimitedDecoders(startDecodeWorker, limitMs)));
  return d;
}

const images = new Map<string, MammoImage>();
const geometries = new Map<string, BreastGeometry | null>();
/** Decodes per image key, for the check that each image is decoded once. */
const decodes = new Map<string, number>();
let prepared = false;
/** Set once the radiologist has asked for an analysis: the warm-up, if still running, stops. */
let asked = false;

/** Runs the warm-up a step at a time, each in its own task, so that a request waits for one step at most. */
function prepare(): void {
  // The scene is drawn in the form of the images held (the exam's, and its prior's once loaded).
  const steps = warmUpSteps(undefined, () => [...images.values()]);
  const next = (): void => {
    if (asked || steps.next().done === true) return;
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

/** The breast found on an image, once per image. */
function geometryOf(key: string, image: MammoImage): BreastGeometry | null {
  if (!geometries.has(key)) {
    const g = findBreast(image);
    geometries.set(key, g.ok ? g.value : null);
  }
  return geometries.get(key) ?? null;
}

async function handle(msg: WorkerRequest): Promise<WorkerReply> {
  switch (msg.type) {
    case 'ingest': {
      const bytes = new Uint8Array(msg.bytes);
      const header = headerBeforePixelData(bytes);
      if (!header.ok) return { id: msg.id, ok: false, error: header.error };
      decodes.set(msg.key, (decodes.get(msg.key) ?? 0) + 1);
      const r = await ingestDicom(bytes, { decoders: decodersFor(msg.decodeTimeLimitMs) });
      if (!r.ok) return { id: msg.id, ok: false, error: r.error };
      // The core's image of an uncompressed file views the file's buffer: on shared pixels, the file can go.
      const image = heldImage(r.value, sharePixels(r.value.stored));
      images.set(msg.key, image);
      geometries.delete(msg.key);
      const { rows, columns, meta, calibration, stored } = image;
      const h = header.value;
      return { id: msg.id, ok: true, type: 'ingest', summary: { key: msg.key, rows, columns, meta, calibration }, pixels: stored, header: h.buffer as ArrayBuffer, decodes: decodes.get(msg.key) ?? 0 };
    }
    case 'analyse': {
      asked = true;
      const image = images.get(msg.key);
      if (image === undefined) return { id: msg.id, ok: false, error: { kind: 'bad-argument', message: `image ${msg.key} is not loaded` } };
      const t0 = performance.now();
      const r = analyseCalcifications(image, msg.request);
      const ms = performance.now() - t0;
      if (!r.ok) return { id: msg.id, ok: false, error: r.error };
      return { id: msg.id, ok: true, type: 'analyse', calibrationKind: r.value.calibration.kind, calcifications: r.value.calcifications, leftOutDensities: r.value.leftOutDensities, ms };
    }
    case 'draftImage': {
      const image = images.get(msg.key);
      if (image === undefined) return { id: msg.id, ok: false, error: { kind: 'bad-argument', message: `image ${msg.key} is not loaded` } };
      return { id: msg.id, ok: true, type: 'draftImage', image: draftImageFrom(image, msg.draftImageId, msg.role, geometryOf(msg.key, image)) };
    }
    case 'prepare':
      if (!prepared) prepare();
      prepared = true;
      return { id: msg.id, ok: true, type: 'prepare' };
    case 'forget':
      images.delete(msg.key);
      geometries.delete(msg.key);
      return { id: msg.id, ok: true, type: 'forget' };
    case 'held':
      return { id: msg.id, ok: true, type: 'held', keys: [...images.keys()] };
  }
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  handle(msg).then(
    // The header is transferred; shared pixels are shared by the message, others copied once.
    (reply) => self.postMessage(reply, reply.ok && reply.type === 'ingest' ? [reply.header] : []),
    (error: unknown) =>
      self.postMessage({ id: msg.id, ok: false, error: { kind: 'bad-argument', message: error instanceof Error ? error.message : String(error) } } satisfies WorkerReply),
  );
};
