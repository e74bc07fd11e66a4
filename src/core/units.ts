/**
 * Units live in types. A length on the image is either in stored-image pixels (`Px`)
 * or in millimetres (`Mm`, `Mm2`), and a millimetre value always travels with the
 * calibration that produced it (see `Calibration` in image.ts).
 */
declare const unit: unique symbol;

/** Pixels of the stored image (column / row units). */
export type Px = number & { readonly [unit]: 'px' };
/** Square pixels. */
export type Px2 = number & { readonly [unit]: 'px2' };
/** Millimetres, at the plane named by the calibration kind. */
export type Mm = number & { readonly [unit]: 'mm' };
/** Square millimetres. */
export type Mm2 = number & { readonly [unit]: 'mm2' };

export const px = (n: number): Px => n as Px;
export const px2 = (n: number): Px2 => n as Px2;
export const mm = (n: number): Mm => n as Mm;
export const mm2 = (n: number): Mm2 => n as Mm2;

/** A point on the stored image: x = column, y = row, origin at the top-left pixel centre. */
export interface PointPx {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle on the stored image, inclusive of x0/y0, exclusive of x1/y1. */
export interface RectPx {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * A length measured on the image: always in pixels, and in millimetres when the image is
 * calibrated (null otherwise — never a guessed millimetre).
 */
export interface Length {
  readonly px: Px;
  readonly mm: Mm | null;
}

/** An area measured on the image, like `Length`. */
export interface Area {
  readonly px2: Px2;
  readonly mm2: Mm2 | null;
}
