/**
 * The exam draft names images by SOP Instance UID (stable across reloads, so an autosaved draft
 * finds its images again); Cornerstone names them by the loader's image id. This maps between them.
 */
import type { LoadedExam, LoadedImage } from '../loading/exam.js';

/** The draft's id for an image: its SOP Instance UID, or its file name when it has none. */
export function draftIdOf(image: LoadedImage): string {
  return image.summary.meta.sopInstanceUid ?? `file:${image.fileName}`;
}

/** The draft's key for an exam: the current study's Study Instance UID (or its file names). */
export function examKeyOf(exam: LoadedExam): string {
  const current = exam.images.filter((i) => i.role === 'current');
  return current.find((i) => i.summary.meta.studyInstanceUid !== null)?.summary.meta.studyInstanceUid ?? `files:${current.map((i) => i.fileName).join('|')}`;
}

export interface ImageIds {
  toDraft(cornerstoneImageId: string): string | null;
  toCornerstone(draftImageId: string): string | null;
}

export function imageIds(exam: LoadedExam): ImageIds {
  const toDraft = new Map(exam.images.map((i) => [i.imageId, draftIdOf(i)]));
  const toCs = new Map(exam.images.map((i) => [draftIdOf(i), i.imageId]));
  return { toDraft: (id) => toDraft.get(id) ?? null, toCornerstone: (id) => toCs.get(id) ?? null };
}
