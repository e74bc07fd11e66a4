/**
 * The nipple marker reaches the draft in every host: a marker placed on an image (Cornerstone's
 * ANNOTATION_COMPLETED), dragged to another place (ANNOTATION_MODIFIED with change type Completed,
 * once per drag) or deleted (ANNOTATION_REMOVED) runs the extension's `calcscribe.placeNipple`
 * command with the marker's point in stored-image pixels (annotation-mapping.ts). One marker per
 * image: a new one replaces the markers already on its image. A marker annotation taken away
 * because the draft no longer has it (undo, another exam shown) clears nothing.
 */
import { nippleMarkerPlacement, NIPPLE_MARKER_TOOL, type CalcificationAnnotationShape, type NipplePlacement, type WorldToPixel } from './annotation-mapping.js';
import type { PointPx } from 'calcscribe/core';

/** Cornerstone tools' event names (Enums.Events) the markers are followed by. */
export const MARKER_EVENTS = {
  completed: 'CORNERSTONE_TOOLS_ANNOTATION_COMPLETED',
  modified: 'CORNERSTONE_TOOLS_ANNOTATION_MODIFIED',
  removed: 'CORNERSTONE_TOOLS_ANNOTATION_REMOVED',
} as const;

/** Cornerstone tools' change type of a finished drag (Enums.ChangeTypes.Completed). */
const CHANGE_COMPLETED = 'Completed';

type MarkerAnnotation = CalcificationAnnotationShape & { readonly annotationUID?: string };

export interface NippleMarkerHost {
  /** World → stored-image pixels on the marker's image (tools/coordinates.ts worldToPixel in a browser). */
  readonly worldToPixel: WorldToPixel;
  /** The draft's image id of a host image id (null when not in the draft); default: the same id. */
  readonly toDraftImageId?: (hostImageId: string) => string | null;
  /** The draft's marker of an image now (to tell a deleted marker from one the draft dropped). */
  markerOf(draftImageId: string): PointPx | undefined;
  /** Runs `calcscribe.placeNipple` with { imageId, point } (point null removes the marker); answers a Result. */
  placeNipple(options: { imageId: string; point: PointPx | null }): unknown;
  /** The nipple marker annotations on screen, and how to remove one (the replaced markers). */
  markers(): readonly MarkerAnnotation[];
  remove(annotationUID: string): void;
  /** Told when a placement is refused (the command's message). */
  say?(message: string): void;
  /** While true, removals are not edits (the host is clearing annotations). */
  clearing?(): boolean;
}

const samePoint = (a: PointPx | undefined, b: PointPx): boolean => a !== undefined && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;

function refusal(r: unknown): string | null {
  const o = r as { ok?: unknown; error?: { message?: unknown } } | null;
  return o !== null && typeof o === 'object' && o.ok === false ? String(o.error?.message ?? 'refused') : null;
}

/**
 * Listens on Cornerstone's event target; returns the function that stops listening.
 * @example
 * const stop = followNippleMarkers(eventTarget, { worldToPixel, markerOf, placeNipple: (o) => commandsManager.runCommand('calcscribe.placeNipple', o), markers, remove });
 */
export function followNippleMarkers(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, host: NippleMarkerHost): () => void {
  const placementOf = (a: MarkerAnnotation | undefined): NipplePlacement | null => {
    if (a?.metadata?.toolName !== NIPPLE_MARKER_TOOL) return null;
    const p = nippleMarkerPlacement(a, host.worldToPixel, host.toDraftImageId);
    if (!p.ok) host.say?.(`nipple marker not used: ${p.error.message}`);
    return p.ok ? p.value : null;
  };
  const place = (a: MarkerAnnotation, p: NipplePlacement): void => {
    const message = refusal(host.placeNipple({ imageId: p.imageId, point: p.point }));
    if (message !== null) host.say?.(`nipple marker not used: ${message}`);
    // One marker per image: the others on its image go (their removal clears nothing: the draft has this one).
    for (const other of host.markers()) {
      if (other.annotationUID === undefined || other.annotationUID === a.annotationUID) continue;
      if (other.metadata.referencedImageId === a.metadata.referencedImageId) host.remove(other.annotationUID);
    }
  };
  const annotationOf = (evt: Event): MarkerAnnotation | undefined => (evt as CustomEvent<{ annotation?: MarkerAnnotation }>).detail?.annotation;
  const completed = (evt: Event): void => {
    const a = annotationOf(evt);
    const p = placementOf(a);
    if (a !== undefined && p !== null) place(a, p);
  };
  const modified = (evt: Event): void => {
    if ((evt as CustomEvent<{ changeType?: string }>).detail?.changeType !== CHANGE_COMPLETED) return;
    const a = annotationOf(evt);
    const p = placementOf(a);
    if (a !== undefined && p !== null && !samePoint(host.markerOf(p.imageId), p.point)) place(a, p);
  };
  const removed = (evt: Event): void => {
    if (host.clearing?.() === true) return;
    const a = annotationOf(evt);
    if (a?.metadata?.toolName !== NIPPLE_MARKER_TOOL) return;
    const p = nippleMarkerPlacement(a, host.worldToPixel, host.toDraftImageId);
    // Only the marker the draft has is cleared: a replaced or dropped one leaves the draft as it is.
    if (p.ok && samePoint(host.markerOf(p.value.imageId), p.value.point)) {
      const message = refusal(host.placeNipple({ imageId: p.value.imageId, point: null }));
      if (message !== null) host.say?.(`nipple marker not removed: ${message}`);
    }
  };
  target.addEventListener(MARKER_EVENTS.completed, completed);
  target.addEventListener(MARKER_EVENTS.modified, modified);
  target.addEventListener(MARKER_EVENTS.removed, removed);
  return () => {
    target.removeEventListener(MARKER_EVENTS.completed, completed);
    target.removeEventListener(MARKER_EVENTS.modified, modified);
    target.removeEventListener(MARKER_EVENTS.removed, removed);
  };
}
