/**
 * Fits each mammogram OHIF shows whole into its viewport, chest wall against the viewport edge
 * toward the middle of the screen, with the standalone viewer's own fit (fitCamera in
 * src/viewer/viewport/fit-camera.ts, which calls the pure fitImage): one fit for both hosts.
 *
 * OHIF runs it through the hanging protocol's `callbacks.onViewportDataInitialized` once every
 * viewport of a stage has its data (OHIF's cornerstone extension, command
 * attachProtocolViewportDataListener). A viewport whose image is not rendered yet at that moment
 * is fitted on its first IMAGE_RENDERED event.
 */
import { err, ok, type Result } from 'calcscribe/core';
import { lateralityOf } from './mammo-attributes.js';

/** Cornerstone's IMAGE_RENDERED event name (Enums.Events.IMAGE_RENDERED), kept as text so this module loads without Cornerstone. */
export const IMAGE_RENDERED = 'CORNERSTONE_IMAGE_RENDERED';

/** The parts of OHIF's services the fit reads. */
export interface FitServices {
  readonly cornerstoneViewportService?: { getCornerstoneViewport(viewportId: string): unknown };
  readonly viewportGridService?: { getState(): { viewports?: unknown } };
  readonly displaySetService?: { getDisplaySetByUID(uid: string): unknown };
}

/** What the fit needs of a Cornerstone stack viewport (a StackViewport is one). */
interface ShownViewport {
  readonly canvas: { readonly clientWidth: number; readonly clientHeight: number };
  readonly element: { addEventListener(type: string, listener: () => void, options?: { once?: boolean }): void };
  getCurrentImageId(): string | undefined;
  getImageData(): { readonly dimensions: readonly number[] } | null | undefined;
  render(): void;
}

export interface FitOutcome {
  /** Viewports fitted now. */
  readonly fitted: readonly string[];
  /** Viewports without a rendered image yet: fitted on their first IMAGE_RENDERED. */
  readonly waiting: readonly string[];
}

const isShown = (v: unknown): v is ShownViewport =>
  typeof v === 'object' && v !== null && typeof (v as ShownViewport).getCurrentImageId === 'function' && typeof (v as ShownViewport).getImageData === 'function';

/** The ids and display sets of the viewport grid (a Map in OHIF 3.7 and later, an array or record before). */
function gridViewports(state: { viewports?: unknown }): { id: string; displaySetUids: readonly string[] }[] {
  const raw = state.viewports;
  const entries: [string, unknown][] =
    raw instanceof Map ? [...(raw as Map<string, unknown>).entries()] : Array.isArray(raw) ? raw.map((v, i) => [String((v as { viewportId?: string }).viewportId ?? i), v]) : Object.entries((raw ?? {}) as Record<string, unknown>);
  return entries.map(([id, v]) => {
    const uids = (v as { displaySetInstanceUIDs?: unknown }).displaySetInstanceUIDs;
    return { id: String((v as { viewportId?: string }).viewportId ?? id), displaySetUids: Array.isArray(uids) ? (uids as string[]) : [] };
  });
}

/** Fits one viewport now; false when it has no rendered image or no size yet. */
async function fitNow(viewport: ShownViewport, laterality: string | null): Promise<boolean> {
  const imageId = viewport.getCurrentImageId();
  const dims = viewport.getImageData()?.dimensions;
  const width = viewport.canvas.clientWidth;
  const height = viewport.canvas.clientHeight;
  if (imageId === undefined || dims === undefined || !(width > 0 && height > 0)) return false;
  const [{ fitCamera }, { chestWallEdgeFor }] = await Promise.all([import('./viewport/fit-camera.js'), import('./viewport/fit-image.js')]);
  const [columns, rows] = dims as [number, number];
  const fit = fitCamera(viewport as unknown as Parameters<typeof fitCamera>[0], imageId, columns, rows, { width, height }, chestWallEdgeFor(laterality));
  if (!fit.ok) return false;
  viewport.render();
  return true;
}

/**
 * Fits the mammograms in the viewport grid (or only `viewportIds`), each by the side its display
 * set shows (Image Laterality). Fails when OHIF's viewport services are missing.
 */
export async function fitMammogramViewports(services: FitServices, viewportIds?: readonly string[]): Promise<Result<FitOutcome>> {
  const { cornerstoneViewportService: cvs, viewportGridService: grid, displaySetService: dss } = services;
  if (cvs === undefined || grid === undefined) return err('bad-argument', 'no OHIF viewport services: the Cornerstone and viewport grid services are needed to fit the images');
  const fitted: string[] = [];
  const waiting: string[] = [];
  for (const { id, displaySetUids } of gridViewports(grid.getState())) {
    if (viewportIds !== undefined && !viewportIds.includes(id)) continue;
    const viewport = cvs.getCornerstoneViewport(id);
    if (!isShown(viewport)) continue;
    const uid = displaySetUids[0];
    const laterality = uid === undefined || dss === undefined ? null : lateralityOf(dss.getDisplaySetByUID(uid));
    if (await fitNow(viewport, laterality)) {
      fitted.push(id);
    } else {
      waiting.push(id);
      viewport.element.addEventListener(IMAGE_RENDERED, () => void fitNow(viewport, laterality), { once: true });
    }
  }
  return ok({ fitted, waiting });
}
