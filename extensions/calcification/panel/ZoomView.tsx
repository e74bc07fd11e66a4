import { useEffect, useRef } from 'react';
import { readDensityPatch, type MammoImage } from '../../../src/core/image.js';
import type { PointPx } from '../../../src/core/units.js';

const SIZE = 200;

/** The pixels around a calcification, magnified and windowed to the patch, with its outline. */
export function ZoomView(props: {
  readonly image: MammoImage;
  readonly centre: PointPx;
  readonly contour: readonly PointPx[];
  readonly halfSizePx: number;
  readonly line?: { readonly from: PointPx; readonly to: PointPx } | null;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { image, centre, contour, halfSizePx, line } = props;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d') ?? null;
    if (canvas === null || ctx === null) return;
    const x0 = Math.round(centre.x) - halfSizePx;
    const y0 = Math.round(centre.y) - halfSizePx;
    const n = 2 * halfSizePx + 1;
    const patch = readDensityPatch(image, { x0, y0, x1: x0 + n, y1: y0 + n });
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (patch === null) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of patch.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const span = hi - lo || 1;
    const scale = SIZE / n;
    for (let y = 0; y < patch.height; y++) {
      for (let x = 0; x < patch.width; x++) {
        const g = Math.round((255 * ((patch.data[y * patch.width + x] as number) - lo)) / span);
        ctx.fillStyle = `rgb(${g},${g},${g})`;
        ctx.fillRect((patch.x0 - x0 + x) * scale, (patch.y0 - y0 + y) * scale, Math.ceil(scale), Math.ceil(scale));
      }
    }
    const toCanvas = (p: PointPx): [number, number] => [(p.x - x0 + 0.5) * scale, (p.y - y0 + 0.5) * scale];
    if (contour.length > 1) {
      ctx.strokeStyle = '#30c0ff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      contour.forEach((p, i) => {
        const [cx, cy] = toCanvas(p);
        if (i === 0) ctx.moveTo(cx, cy);
        else ctx.lineTo(cx, cy);
      });
      ctx.closePath();
      ctx.stroke();
    }
    if (line) {
      ctx.strokeStyle = '#e0a030';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(...toCanvas(line.from));
      ctx.lineTo(...toCanvas(line.to));
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }, [image, centre, contour, halfSizePx, line]);
  return (
    <canvas
      ref={ref}
      width={SIZE}
      height={SIZE}
      className="cs-zoom"
      data-testid="zoom-view"
      role="img"
      aria-label={`Magnified view of ${2 * halfSizePx + 1} × ${2 * halfSizePx + 1} pixels around the calcification, outline in blue, profile line in orange`}
    />
  );
}
