import { useEffect, useRef } from 'react';
import { readDensityPatch, type MammoImage } from 'calcscribe/core';
import type { PointPx } from 'calcscribe/core';

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
    // The patch's grey levels as one bitmap, drawn magnified without smoothing (each pixel a square).
    const grey = new ImageData(patch.width, patch.height);
    for (let i = 0; i < patch.width * patch.height; i++) {
      const g = Math.round((255 * ((patch.data[i] as number) - lo)) / span);
      grey.data[4 * i] = g;
      grey.data[4 * i + 1] = g;
      grey.data[4 * i + 2] = g;
      grey.data[4 * i + 3] = 255;
    }
    const bitmap = document.createElement('canvas');
    bitmap.width = patch.width;
    bitmap.height = patch.height;
    bitmap.getContext('2d')?.putImageData(grey, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bitmap, (patch.x0 - x0) * scale, (patch.y0 - y0) * scale, patch.width * scale, patch.height * scale);
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
