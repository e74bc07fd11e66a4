import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { isDicomUid, listInstances, mediaStorageSopInstanceUid, retrieveInstance } from '../../dicomweb/index.js';
import { DICOMWEB_OPTIONS, pacsConfig } from '../dicomweb-options.js';
import { EXIT_BAD_INPUT, UsageError, printable, type CliIo } from '../io.js';
import { ProgressBar } from '../progress-bar.js';

/**
 * `calcscribe fetch --dicomweb URL --study UID --out DIR`: every instance of a study from a PACS
 * (QIDO-RS list, WADO-RS retrieval as stored) into DIR as <SOPInstanceUID>.dcm. A name the server
 * gives that is not a DICOM UID, or a file whose own SOP Instance UID is not the one asked for, is
 * refused (nothing is ever written outside DIR). One line per instance on standard output, one per
 * failure on standard error; exit 0 when every instance was written, 2 otherwise.
 */
export async function runFetch(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...DICOMWEB_OPTIONS, study: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError('fetch takes no positional arguments');
  const study = values.study;
  if (study === undefined) throw new UsageError('--study UID is required');
  if (!isDicomUid(study)) throw new UsageError(`--study ${printable(study)} is not a DICOM UID (digits and dots, at most 64 characters)`);
  if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
  const cfg = pacsConfig(values, process.env);
  const dir = resolve(values.out);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create ${printable(values.out)}: ${(e as { code?: string }).code ?? 'error'}`);
  }

  const listed = await listInstances(cfg, study);
  if (!listed.ok) {
    io.stderr(`calcscribe fetch: ${printable(listed.error.message)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (listed.value.length === 0) {
    io.stderr(`calcscribe fetch: the server has no instances of study ${study}\n`);
    return EXIT_BAD_INPUT;
  }
  const bar = new ProgressBar(io, listed.value.length, 'fetching');
  let failed = 0;
  let done = 0;
  let bytesSoFar = 0;
  const fail = (what: string, reason: string): void => {
    failed++;
    io.stdout(`failed  ${printable(what)}\n`);
    bar.line(`calcscribe fetch: ${printable(what)}: not written — ${printable(reason)}\n`);
  };
  for (const inst of listed.value) {
    done++;
    const name = `${inst.sopInstanceUid}.dcm`;
    const target = resolve(dir, name);
    const rel = relative(dir, target);
    if (!isDicomUid(inst.sopInstanceUid) || rel !== name || rel.startsWith('..') || isAbsolute(rel)) {
      fail(`instance "${inst.sopInstanceUid}"`, 'its SOP Instance UID is not a DICOM UID, so it cannot name a file in the output folder');
      continue;
    }
    const r = await retrieveInstance(cfg, { study, series: inst.seriesInstanceUid, instance: inst.sopInstanceUid });
    if (!r.ok) {
      fail(name, r.error.message);
      continue;
    }
    const own = mediaStorageSopInstanceUid(r.value);
    if (own !== inst.sopInstanceUid) {
      fail(name, `the server sent a file whose SOP Instance UID is ${own === null ? 'unreadable' : own}, not the one asked for`);
      continue;
    }
    const partial = join(dir, `.${name}.partial`);
    try {
      await writeFile(partial, new Uint8Array(r.value));
      await rename(partial, target);
    } catch (e) {
      await rm(partial, { force: true });
      fail(name, `cannot write it: ${(e as { code?: string }).code ?? 'error'}`);
      continue;
    }
    bytesSoFar += r.value.byteLength;
    io.stdout(`fetched  ${printable(join(values.out, name))}\n`);
    bar.update(done);
  }
  bar.clear();
  if (failed === 0) return 0;
  io.stderr(`calcscribe fetch: ${failed} of ${listed.value.length} instances of study ${study} not written (${(bytesSoFar / 1_048_576).toFixed(1)} MB written)\n`);
  return EXIT_BAD_INPUT;
}
