/** Runs dcmtk command-line tools for the ingest tests; a missing tool fails with a clear message. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Converts a DICOM file with a dcmtk tool (`tool [flags] in out`) and returns the output bytes. */
export function dcmtkConvert(tool: string, flags: readonly string[], input: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'calcscribe-ingest-'));
  try {
    const src = join(dir, 'in.dcm');
    const dst = join(dir, 'out.dcm');
    writeFileSync(src, input);
    const r = spawnSync(tool, [...flags, src, dst], { encoding: 'utf8' });
    if (r.error !== undefined) {
      throw new Error(`dcmtk tool "${tool}" could not be run (${r.error.message}): install dcmtk (apt-get install dcmtk)`);
    }
    if (r.status !== 0) throw new Error(`${tool} ${flags.join(' ')} failed (${r.status}): ${r.stderr}`);
    return new Uint8Array(readFileSync(dst));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of a DICOM file changed with dcmodify (e.g. `['-i', '(0018,2010)=0.05\\0.05']`); the input is untouched. */
export function dcmtkModify(flags: readonly string[], input: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'calcscribe-ingest-'));
  try {
    const file = join(dir, 'file.dcm');
    writeFileSync(file, input);
    const r = spawnSync('dcmodify', ['-nb', ...flags, file], { encoding: 'utf8' });
    if (r.error !== undefined) {
      throw new Error(`dcmtk tool "dcmodify" could not be run (${r.error.message}): install dcmtk (apt-get install dcmtk)`);
    }
    if (r.status !== 0) throw new Error(`dcmodify ${flags.join(' ')} failed (${r.status}): ${r.stderr}`);
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
