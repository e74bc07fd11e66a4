/** What a host may pass as the extension's configuration (OHIF hands it to every module). */
import type { DraftStore } from './draft-store.js';
import { getCurrentDraftStore } from './draft-store.js';
import type { MeasureAt } from './measure-at.js';
import type { ImageLookup } from './panel/panel-model.js';

export interface CalcificationExtensionConfiguration {
  /** The exam's draft store; without one, the store set with setCurrentDraftStore is used. */
  readonly store?: DraftStore;
  /** Outlines and measures a click (the viewer's worker); needed by calcscribe.addCalcificationAt with a point. */
  readonly measureAt?: MeasureAt;
  /**
   * The exam's images as the core read them, by the draft's image id (imagesFromMap): the pixels the
   * panel draws the selected calcification's magnified view and density profile from. Without it
   * the panel says the image is not loaded.
   */
  readonly images?: ImageLookup;
  /** False skips registering the Cornerstone tools (e.g. where no rendering is possible). Default true. */
  readonly registerTools?: boolean;
  /** The draft's image id of a Cornerstone image id (the nipple markers placed on it); default: the same id. */
  readonly draftImageIdOf?: (cornerstoneImageId: string) => string | null;
  /** How long "Save to PACS" waits for the data source before saying it did not answer (default 60 s). */
  readonly storeTimeoutMs?: number;
  /** How long each request of the look-up of the exam's saved reports in the PACS may take (default 30 s). */
  readonly lookupTimeoutMs?: number;
}

/** Reads the configuration OHIF passes (anything) into the extension's shape. */
export function readConfiguration(configuration: unknown): CalcificationExtensionConfiguration {
  return typeof configuration === 'object' && configuration !== null ? (configuration as CalcificationExtensionConfiguration) : {};
}

/** The draft store to act on, or null when the host has set none yet. */
export function storeOf(config: CalcificationExtensionConfiguration): DraftStore | null {
  return config.store ?? getCurrentDraftStore();
}
