import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { ingestDicom } from '../core/index.js';
import type { MammoImage } from '../core/image.js';
import { CalcscribeFailure } from '../core/result.js';
import { UsageError, printable } from './io.js';

/** Reads a file the user named; a missing or unreadable file is bad input, not a bug. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${printable(path)}: ${why}`);
  }
}

/** Reads and ingests one image; a typed ingest failure becomes a one-line message naming the file. */
export async function readImage(path: string): Promise<MammoImage> {
  const bytes = await readInput(path);
  const r = await ingestDicom(bytes, { inflate: (d) => new Uint8Array(inflateRawSync(d)) });
  if (!r.ok) throw new CalcscribeFailure({ kind: r.error.kind, message: `${path}: ${r.error.message}` });
  return r.value;
}
