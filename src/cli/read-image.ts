import { ingestDicom } from '../core/index.js';
import type { MammoImage } from '../core/image.js';
import { CalcscribeFailure } from '../core/result.js';
import { inflate, readInput } from './read-input.js';

/** Reads and ingests one image; a typed ingest failure becomes a one-line message naming the file. */
export async function readImage(path: string): Promise<MammoImage> {
  const bytes = await readInput(path);
  const r = await ingestDicom(bytes, { inflate });
  if (!r.ok) throw new CalcscribeFailure({ kind: r.error.kind, message: `${path}: ${r.error.message}` });
  return r.value;
}
