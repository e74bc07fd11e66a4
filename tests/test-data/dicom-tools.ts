/** Runs the real DICOM tools (dicom3tools' dciodvfy, dcmtk's dcmdjpls) for the phantom tests. */
import { execFileSync, spawnSync } from 'node:child_process';

function requireTool(name: string, pkg: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0 || found.stdout.trim() === '') {
    throw new Error(`${name} is not installed: install the Debian package ${pkg} (apt-get install ${pkg}, or run scripts/ensure-tools.sh)`);
  }
  return found.stdout.trim();
}

export interface ValidatorReport {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/** dciodvfy prints errors and warnings on stderr and exits 0 either way: parse its lines. */
export function dciodvfy(path: string): ValidatorReport {
  const bin = requireTool('dciodvfy', 'dicom3tools');
  const r = spawnSync(bin, [path], { encoding: 'utf8' });
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim());
  return {
    errors: lines.filter((l) => l.startsWith('Error')),
    warnings: lines.filter((l) => l.startsWith('Warning')),
  };
}

/** Decompresses a JPEG-LS file with dcmtk's dcmdjpls into `out` (explicit VR little endian). */
export function dcmdjpls(input: string, out: string): void {
  const bin = requireTool('dcmdjpls', 'dcmtk');
  execFileSync(bin, [input, out]);
}

/** dcmdump's text for a file. */
export function dcmdump(path: string): string {
  const bin = requireTool('dcmdump', 'dcmtk');
  return execFileSync(bin, [path], { encoding: 'utf8' });
}
