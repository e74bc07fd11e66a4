import { CalcscribeFailure, readMammogramHeader, type MammogramHeader } from '../core/header.js';
import { inflate, readInput } from './read-input.js';

/** Reads what one image is, without decoding its pixels; a typed failure names the file. */
export async function readHeader(path: string): Promise<MammogramHeader> {
  const bytes = await readInput(path);
  const r = readMammogramHeader(bytes, { inflate });
  if (!r.ok) throw new CalcscribeFailure({ kind: r.error.kind, message: `${path}: ${r.error.message}` });
  return r.value;
}
