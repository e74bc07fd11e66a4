import { ingestDicom } from '../core/index.js';
import type { MammoImage } from '../core/image.js';
import { CalcscribeFailure } from '../core/result.js';
import { inflate, readInput } from './read-input.js';
import { workerDecoders } from './worker-decoders.js';

/** One decode worker for the whole command (started at the first compressed frame). */
let decoders: ReturnType<typeof workerDecoders> | null = null;

/**
 * Reads and ingests one image; a typed ingest failure becomes a one-line message naming the file.
 * Compressed frames are decoded in a worker thread under a time limit (worker-decoders.ts).
 */
export async function readImage(path: string): Promise<MammoImage> {
  const bytes = await readInput(path);
  const r = await ingestDicom(bytes, { inflate, decoders: (decoders ??= workerDecoders()) });
  if (!r.ok) throw new CalcscribeFailure({ kind: r.error.kind, message: `${path}: ${r.error.message}` });
  return r.value;
}
