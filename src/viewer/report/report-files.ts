/**
 * Report files among the files the radiologist opens: a DICOM file whose SOP Class is a
 * Structured Report goes to the report reader, every other file to the image loading (which
 * refuses what is not a mammogram, with its reason). Only the header's first elements are read here.
 */
import dicomParser from 'dicom-parser';
import type { FileToLoad } from '../loading/exam.js';

/** SOP Class UIDs of the Structured Report storage classes (PS3.4 B.5): 1.2.840.10008.5.1.4.1.1.88.x. */
const SR_SOP_CLASS_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';

/** The SOP Class UID the file says it is (File Meta Information, else the dataset's), null when it cannot be read. */
function sopClassOf(bytes: Uint8Array): string | null {
  const clean = (v: string | undefined): string | null => v?.replace(/\0/g, '').trim() || null;
  try {
    // The File Meta Information alone: a report cut short after it is still a report (refused by the reader with its reason).
    const meta = clean(dicomParser.readPart10Header(bytes).string('x00020002'));
    if (meta !== null) return meta;
  } catch {
    // No Part 10 header: the dataset's own SOP Class UID below.
  }
  try {
    return clean(dicomParser.parseDicom(bytes, { untilTag: 'x00080016' }).string('x00080016'));
  } catch (e) {
    // A dataset cut short: what was read before the cut.
    const partial = (e as { dataSet?: { string(tag: string): string | undefined } } | null)?.dataSet;
    return clean(partial?.string('x00080016'));
  }
}

export function isReportFile(bytes: Uint8Array): boolean {
  return sopClassOf(bytes)?.startsWith(SR_SOP_CLASS_PREFIX) ?? false;
}

/** The opened files split into reports (SR) and the rest (images, and files that are neither). */
export function splitReportFiles(files: readonly FileToLoad[]): { readonly reports: readonly FileToLoad[]; readonly others: readonly FileToLoad[] } {
  const reports: FileToLoad[] = [];
  const others: FileToLoad[] = [];
  for (const f of files) (isReportFile(new Uint8Array(f.bytes)) ? reports : others).push(f);
  return { reports, others };
}
