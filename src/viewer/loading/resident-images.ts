/**
 * Which images are kept decoded: those of the examination on screen (its own and its prior's).
 * The images of the other opened examinations are let go — in the analysis worker, on the page and
 * in Cornerstone's cache — and read from their files and decoded again when their examination is
 * shown again, so switching between many opened examinations keeps the memory of one. Drafts are
 * not touched: a draft keeps what it needs of its images without their pixels.
 */
import { addDecodedImage, heldImageIds, removeDecodedImage } from '../cornerstone/shared-image-loader.js';
import type { AnalysisClient } from '../workers/analysis-client.js';
import type { LoadedImage } from './exam.js';

/** An image that could not be read again, with the reason. */
export interface NotReloaded {
  readonly fileName: string;
  readonly message: string;
}

/**
 * Makes every image of an examination decoded again when it was let go (read from its file,
 * ingested by the worker under the same image id); the images already held are left alone.
 */
export async function reloadImages(client: AnalysisClient, images: readonly LoadedImage[]): Promise<NotReloaded[]> {
  const held = new Set(heldImageIds());
  const failed: NotReloaded[] = [];
  const wanted = new Map(images.filter((i) => !held.has(i.imageId)).map((i) => [i.imageId, i]));
  await Promise.all(
    [...wanted.values()].map(async (image) => {
      let bytes: ArrayBuffer;
      try {
        bytes = await image.reread();
      } catch (e) {
        failed.push({ fileName: image.fileName, message: `could not be read again: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      const r = await client.ingest(image.imageId, bytes);
      const shown = r.ok ? await addDecodedImage(image.imageId, r.value) : null;
      if (!r.ok || (shown !== null && !shown.ok)) {
        await client.forget(image.imageId);
        failed.push({ fileName: image.fileName, message: !r.ok ? r.error.message : shown !== null && !shown.ok ? shown.error.message : 'not shown' });
      }
    }),
  );
  return failed;
}

/** Lets go of every decoded image but those given (the examination on screen). */
export async function releaseImagesExcept(client: AnalysisClient, keep: readonly LoadedImage[]): Promise<void> {
  const kept = new Set(keep.map((i) => i.imageId));
  const gone = heldImageIds().filter((id) => !kept.has(id));
  for (const id of gone) removeDecodedImage(id);
  await Promise.all(gone.map((id) => client.forget(id)));
}
