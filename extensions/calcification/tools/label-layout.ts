/**
 * Which outline labels to draw on a viewport: labels never overlap, so on a dense group some
 * outlines go without one. The selected or hovered calcification's label is placed first; the
 * rest keep their order. Boxes are as wide as the drawn label (its measured text width) when
 * given, else estimated from the text length.
 */
export interface LabelCandidate {
  readonly key: string;
  /** Top-left corner of the label, canvas pixels. */
  readonly at: readonly [number, number];
  readonly text: string;
  /** Selected or hovered: placed before the others. */
  readonly priority: boolean;
  /** Width of the drawn box, canvas pixels (estimated from the text length when not given). */
  readonly widthPx?: number;
}

/** Label box estimate for 12 px text with its background padding (canvas pixels). */
export const LABEL_BOX = { charWidthPx: 7, heightPx: 18, paddingPx: 6 } as const;

/** The keys of the labels to draw. */
export function placeLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const ordered = [...candidates.filter((c) => c.priority), ...candidates.filter((c) => !c.priority)];
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const keep = new Set<string>();
  for (const c of ordered) {
    const box = { x0: c.at[0], y0: c.at[1], x1: c.at[0] + (c.widthPx ?? c.text.length * LABEL_BOX.charWidthPx + LABEL_BOX.paddingPx), y1: c.at[1] + LABEL_BOX.heightPx };
    if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
    placed.push(box);
    keep.add(c.key);
  }
  return keep;
}
