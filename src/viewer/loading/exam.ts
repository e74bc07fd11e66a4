/**
 * Loading an exam into the viewer: each file's bytes go to the analysis worker (the core's
 * ingest checks it is a usable mammogram, decodes it once and keeps the pixels for measurement);
 * the pixels it decoded are what Cornerstone displays and what the UI thread measures. Files the
 * core refuses are named with the reason.
 */
import { addDecodedImage, newImageId } from '../cornerstone/shared-image-loader.js';
import { hangingFlips, slotFor, type Flips, type HangingSlot } from '../hanging/hanging.js';
import type { AnalysisClient } from '../workers/analysis-client.js';
import type { ImageSummary } from '../workers/protocol.js';
import { patientIdentityOf, type PatientIdentity } from './patient-identity.js';

export type ExamRole = 'current' | 'prior';

export interface LoadedImage {
  /** Cornerstone image id (calcscribe:N); also the worker's key for the image. */
  readonly imageId: string;
  readonly fileName: string;
  readonly role: ExamRole;
  readonly slot: HangingSlot | null;
  readonly flips: Flips;
  readonly summary: ImageSummary;
  /** Whose image it is (files of several patients can be opened together). */
  readonly patient: PatientIdentity;
  /**
   * Reads the file's bytes again: the images of an examination not shown are let go (see
   * resident-images.ts) and read again when it is shown.
   */
  readonly reread: () => Promise<ArrayBuffer>;
}

export interface RefusedFile {
  readonly fileName: string;
  readonly message: string;
}

export interface LoadedExam {
  readonly source: string;
  readonly images: readonly LoadedImage[];
  readonly refused: readonly RefusedFile[];
}

export interface FileToLoad {
  readonly name: string;
  readonly bytes: ArrayBuffer;
  /** Known role (from an exam description); otherwise found from the study dates. */
  readonly role?: ExamRole;
  /** Reads the same bytes again (the picked file, or the same address fetched again). */
  readonly reread: () => Promise<ArrayBuffer>;
}

/** Puts two loads of one exam together (e.g. the current study, then its priors). */
export function mergeExams(a: LoadedExam, b: LoadedExam): LoadedExam {
  return { source: a.source, images: [...a.images, ...b.images], refused: [...a.refused, ...b.refused] };
}

/**
 * Ingests and registers files; the newest study is the current exam, older ones are priors (files
 * of several patients or examinations are sorted apart afterwards, see opened-exams.ts).
 */
export async function loadFiles(client: AnalysisClient, files: readonly FileToLoad[], source: string): Promise<LoadedExam> {
  const refused: RefusedFile[] = [];
  const accepted: { file: FileToLoad; imageId: string; summary: ImageSummary }[] = [];
  await Promise.all(
    files.map(async (file) => {
      if (file.bytes.byteLength === 0) {
        refused.push({ fileName: file.name, message: 'the file is empty' });
        return;
      }
      const imageId = newImageId();
      // The bytes go to the worker (transferred, not copied); it decodes them and lets them go.
      const r = await client.ingest(imageId, file.bytes);
      if (!r.ok) {
        refused.push({ fileName: file.name, message: r.error.message });
        return;
      }
      const shown = await addDecodedImage(imageId, r.value);
      if (!shown.ok) {
        await client.forget(imageId);
        refused.push({ fileName: file.name, message: shown.error.message });
        return;
      }
      accepted.push({ file, imageId, summary: r.value.summary });
    }),
  );
  const dates = accepted.map((a) => a.summary.meta.studyDate ?? '').sort();
  const newest = dates[dates.length - 1] ?? '';
  const images: LoadedImage[] = accepted.map(({ file, imageId, summary }) => {
    const { laterality, view, patientOrientation } = summary.meta;
    const role: ExamRole = file.role ?? ((summary.meta.studyDate ?? '') === newest ? 'current' : 'prior');
    const patient = patientIdentityOf(summary.meta);
    return { imageId, fileName: file.name, role, slot: slotFor(laterality, view), flips: hangingFlips(laterality, view, patientOrientation), summary, patient, reread: file.reread };
  });
  images.sort((a, b) => a.fileName.localeCompare(b.fileName));
  refused.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return { source, images, refused };
}

interface ExamDescription {
  readonly studies?: readonly { readonly role?: string; readonly images?: readonly { readonly file?: string }[] }[];
}

/** The files of an exam described by an exam.json under a same-origin base path (e.g. /sample/). */
export async function fetchExamDescription(base: string): Promise<{ name: string; role: ExamRole }[]> {
  const res = await fetch(`${base}exam.json`);
  if (!res.ok) throw new Error(`exam description ${base}exam.json could not be read (${res.status})`);
  const desc = (await res.json()) as ExamDescription;
  const wanted: { name: string; role: ExamRole }[] = [];
  for (const s of desc.studies ?? []) {
    const role: ExamRole = s.role === 'prior' ? 'prior' : 'current';
    for (const im of s.images ?? []) if (typeof im.file === 'string') wanted.push({ name: im.file, role });
  }
  return wanted;
}

/** Fetches and loads the listed files of an exam under a same-origin base path. */
export async function fetchExamFiles(client: AnalysisClient, base: string, wanted: readonly { name: string; role: ExamRole }[]): Promise<LoadedExam> {
  const files = await Promise.all(
    wanted.map(async (w): Promise<FileToLoad> => {
      const url = `${base}${w.name}`;
      const r = await fetch(url);
      const reread = async (): Promise<ArrayBuffer> => {
        const again = await fetch(url);
        if (!again.ok) throw new Error(`${url} could not be read again (${again.status})`);
        return again.arrayBuffer();
      };
      return { name: w.name, role: w.role, bytes: r.ok ? await r.arrayBuffer() : new ArrayBuffer(0), reread };
    }),
  );
  return loadFiles(client, files, base);
}

/** The exam base path asked for in the page address (?exam=/path/), or the bundled sample. */
export function examBaseFromLocation(search: string): string {
  const asked = new URLSearchParams(search).get('exam');
  return asked !== null && /^\/[A-Za-z0-9_\-/]*\/$/.test(asked) && !asked.startsWith('//') ? asked : '/sample/';
}

/** Reads files picked or dropped by the radiologist (folders are walked). */
export async function readPickedFiles(list: Iterable<File>): Promise<FileToLoad[]> {
  const out: FileToLoad[] = [];
  // A picked file is read from the disk again when its examination is shown again (its bytes are not kept).
  for (const f of list) out.push({ name: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer(), reread: () => f.arrayBuffer() });
  return out;
}

/**
 * Walks dropped items, including folders, into files. Must be called during the drop event: the
 * items are read before the first await (the browser empties them once the event is over). An item
 * with no file-system entry (a DataTransfer made by a page, some platforms) is taken as the file it holds.
 */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const e = item.webkitGetAsEntry?.();
    if (e) entries.push(e);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const b of batch) await walk(b);
      }
    }
  };
  for (const e of entries) await walk(e);
  return [...files, ...loose];
}
