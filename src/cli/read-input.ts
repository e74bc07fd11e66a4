import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { UsageError, printable } from './io.js';

/** Reads a file the user named; a missing or unreadable file is bad input, not a bug. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${printable(path)}: ${why}`);
  }
}

/** Raw DEFLATE for Deflated Explicit VR Little Endian files. */
export const inflate = (d: Uint8Array): Uint8Array => new Uint8Array(inflateRawSync(d));
