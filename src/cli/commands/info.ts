import { parseArgs } from 'node:util';
import { describeCalibration, imageInfo } from '../../core/header.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { readHeader } from '../read-header.js';

/**
 * `calcscribe info FILE [--json]`: what the image is and how it is calibrated, from its header
 * (compressed pixel data is not decoded, so scripts can run it over whole folders quickly).
 */
export async function runInfo(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('info takes exactly one FILE');
  const image = await readHeader(positionals[0] as string);
  const info = imageInfo(image);
  if (values.json) {
    io.stdout(`${JSON.stringify(info)}\n`);
    return 0;
  }
  const lines = [
    `patient        ${image.meta.patientName ?? 'not stated'}`,
    `modality       ${info.modality} (${info.sopClassUid})`,
    `laterality     ${info.laterality ?? 'unknown'}`,
    `view           ${info.view ?? 'unknown'}${image.meta.viewSource ? ` (from ${image.meta.viewSource})` : ''}`,
    `size           ${info.columns} × ${info.rows} pixels, ${info.bitsStored} bits stored, ${info.photometric}`,
    `transfer       ${info.transferSyntaxUid}`,
    `calibration    ${describeCalibration(image.calibration, image)}`,
    ...image.meta.warnings.map((w) => `warning        ${w}`),
  ];
  io.stdout(`${lines.map(printable).join('\n')}\n`);
  return 0;
}
