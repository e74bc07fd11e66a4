import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { displayUrl, mediaStorageSopInstanceUid, storeInstances, type PacsConfig } from '../../dicomweb/index.js';
import { DICOMWEB_OPTIONS, pacsConfig } from '../dicomweb-options.js';
import { EXIT_BAD_INPUT, UsageError, printable, type CliIo } from '../io.js';
import { ProgressBar } from '../progress-bar.js';

/** At most this many files, and this many bytes, in one STOW-RS request. */
const BATCH_FILES = 8;
const BATCH_BYTES = 64 * 1_048_576;

interface FileResult {
  readonly file: string;
  readonly status: 'stored' | 'failed';
  readonly sopInstanceUid: string | null;
  readonly reason?: string;
  /** The server's warning for a stored file (it changed something). */
  readonly warning?: string;
}

/**
 * `calcscribe store --dicomweb URL FILE…`: sends DICOM Part 10 files to a PACS with STOW-RS, a
 * few per request. Each file gets one line on standard output (stored, with its SOP Instance UID,
 * or failed) and each failure one line on standard error naming the file and the server's reason.
 * Exit 0 when every file was stored, 2 when any was not.
 */
export async function runStore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...DICOMWEB_OPTIONS, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('store takes one or more DICOM FILEs');
  const cfg = pacsConfig(values, process.env);
  const bar = new ProgressBar(io, positionals.length, 'storing');
  const results: FileResult[] = [];
  const report = (r: FileResult): void => {
    results.push(r);
    if (r.status === 'failed') bar.line(`calcscribe store: ${printable(r.file)}: not stored — ${printable(r.reason ?? '')}\n`);
    if (r.warning !== undefined) bar.line(`calcscribe store: ${printable(r.file)}: stored with a warning — ${printable(r.warning)}\n`);
    io.stdout(
      values.json
        ? `${JSON.stringify(r)}\n`
        : `${r.status === 'stored' ? 'stored' : 'failed'}  ${printable(r.file)}${r.sopInstanceUid === null ? '' : `  ${r.sopInstanceUid}`}\n`,
    );
  };

  let batch: { file: string; bytes: ArrayBuffer; uid: string }[] = [];
  let batchBytes = 0;
  let sentBytes = 0;
  const totalBytes = await sumSizes(positionals);
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const files = batch;
    const before = sentBytes;
    batch = [];
    batchBytes = 0;
    const r = await storeInstances(
      cfg,
      files.map((f) => f.bytes),
      (sent) => bar.update(results.length, before + sent, totalBytes),
    );
    sentBytes = before + files.reduce((s, f) => s + f.bytes.byteLength, 0);
    if (!r.ok) {
      for (const f of files) report({ file: f.file, status: 'failed', sopInstanceUid: f.uid, reason: r.error.message });
    } else {
      for (const o of r.value.instances) {
        const f = files[o.index]!;
        if (o.status === 'failed') report({ file: f.file, status: 'failed', sopInstanceUid: f.uid, reason: o.reason });
        else report({ file: f.file, status: 'stored', sopInstanceUid: f.uid, ...(o.warning === undefined ? {} : { warning: o.warning }) });
      }
    }
    bar.update(results.length, sentBytes, totalBytes);
  };

  for (const file of positionals) {
    const bytes = await readPart10(file);
    if (typeof bytes === 'string') {
      report({ file, status: 'failed', sopInstanceUid: null, reason: bytes });
      continue;
    }
    const uid = mediaStorageSopInstanceUid(bytes);
    if (uid === null) {
      report({ file, status: 'failed', sopInstanceUid: null, reason: 'not a DICOM Part 10 file (no DICM marker or no SOP Instance UID in its file meta information); not sent' });
      continue;
    }
    if (batch.length > 0 && (batch.length >= BATCH_FILES || batchBytes + bytes.byteLength > BATCH_BYTES)) await flush();
    batch.push({ file, bytes, uid });
    batchBytes += bytes.byteLength;
  }
  await flush();
  bar.clear();
  return summary(io, cfg, results);
}

function summary(io: CliIo, cfg: PacsConfig, results: readonly FileResult[]): number {
  const failed = results.filter((r) => r.status === 'failed').length;
  if (failed === 0) return 0;
  io.stderr(`calcscribe store: ${failed} of ${results.length} file${results.length === 1 ? '' : 's'} not stored to ${printable(displayUrl(cfg.url))}\n`);
  return EXIT_BAD_INPUT;
}

/** The file's bytes, or why it cannot be read. */
async function readPart10(file: string): Promise<ArrayBuffer | string> {
  try {
    const b = await readFile(file);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  } catch (e) {
    const code = (e as { code?: string }).code;
    return `cannot read it: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable')}`;
  }
}

async function sumSizes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const f of files) total += await stat(f).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return total;
}
