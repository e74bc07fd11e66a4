/**
 * The size label beside an outline ("1.2 × 0.8 mm (calibrated)"), drawn as an SVG text on a dark
 * box. The box is sized from the text's width measured once per text (canvas text metrics, cached),
 * not from the drawn SVG text: asking the SVG for its box (getBBox) makes the browser lay out the
 * page again for every label on every redraw.
 */
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import { LABEL_BOX } from './label-layout.js';

export const LABEL_FONT_SIZE_PX = 12;
const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

function textContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (context === undefined) {
    context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : typeof document === 'object' ? document.createElement('canvas').getContext('2d') : null;
    if (context) context.font = `${LABEL_FONT_SIZE_PX}px ${FONT_FAMILY}`;
  }
  return context;
}

/** Width of a label's text in CSS pixels (measured once per text; estimated where there is no canvas). */
export function labelTextWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  const measured = textContext()?.measureText(text).width;
  const w = measured !== undefined && Number.isFinite(measured) && measured > 0 ? measured : text.length * LABEL_BOX.charWidthPx;
  widths.set(text, w);
  return w;
}

/** Width of the drawn box around a label's text, CSS pixels. */
export function labelBoxWidth(text: string): number {
  return labelTextWidth(text) + LABEL_BOX.paddingPx;
}

function setIfChanged(node: Element, attributes: Record<string, string>): void {
  for (const [k, v] of Object.entries(attributes)) if (node.getAttribute(k) !== v) node.setAttribute(k, v);
}

/**
 * Draws (or updates in place) the label of an annotation with its top-left corner at `at` (canvas
 * CSS pixels), through Cornerstone's SVG node cache so that labels no longer drawn are removed.
 */
export function drawSizeLabel(helper: ToolTypes.SVGDrawingHelper, annotationUID: string, text: string, at: readonly [number, number], color: string, background: string): void {
  const hash = `${annotationUID}::size-label::size`;
  let group = helper.getSvgNode(hash) as SVGGElement | undefined;
  if (group === undefined) {
    group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('data-annotation-uid', annotationUID);
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('class', 'background');
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('font-family', FONT_FAMILY);
    label.setAttribute('font-size', `${LABEL_FONT_SIZE_PX}px`);
    label.setAttribute('dominant-baseline', 'hanging');
    label.setAttribute('style', 'user-select: none; pointer-events: none;');
    group.append(rect, label);
    helper.appendNode(group, hash);
  } else {
    helper.setNodeTouched(hash);
  }
  const rect = group.firstElementChild as SVGRectElement;
  const label = group.lastElementChild as SVGTextElement;
  const pad = LABEL_BOX.paddingPx / 2;
  setIfChanged(group, { transform: `translate(${at[0].toFixed(1)} ${at[1].toFixed(1)})` });
  setIfChanged(rect, { x: '0', y: '0', width: labelBoxWidth(text).toFixed(1), height: String(LABEL_BOX.heightPx), fill: background });
  setIfChanged(label, { x: String(pad), y: String((LABEL_BOX.heightPx - LABEL_FONT_SIZE_PX) / 2), fill: color });
  if (label.textContent !== text) label.textContent = text;
}
