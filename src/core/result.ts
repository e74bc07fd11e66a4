/**
 * Expected failures are values, not exceptions: a file that is not DICOM, an image without
 * spacing, a seed point on background. Each carries a kind a program can switch on and a
 * one-line message a radiologist can read.
 */
export type ErrorKind =
  | 'not-dicom'
  | 'truncated'
  | 'no-pixel-data'
  | 'not-mammography'
  | 'bad-pixel-spacing'
  | 'dimension-mismatch'
  | 'image-too-large'
  | 'unsupported-transfer-syntax'
  | 'decode-failed'
  | 'unsupported-image'
  | 'seed-outside-image'
  | 'seed-on-background'
  | 'region-outside-image'
  | 'unknown-term'
  | 'bad-argument'
  | 'read-only'
  /** An archive (a data source, a PACS) did not take what was sent: refused, failed or no answer in time. */
  | 'not-stored';

export interface CalcscribeError {
  readonly kind: ErrorKind;
  /** One line, no stack, safe to print: hostile strings from files are escaped by the caller. */
  readonly message: string;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E = CalcscribeError> = { readonly ok: false; readonly error: E };
export type Result<T, E = CalcscribeError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (kind: ErrorKind, message: string): Err<CalcscribeError> => ({
  ok: false,
  error: { kind, message },
});

/** Thrown only to carry an expected failure across layers that cannot return a Result. */
export class CalcscribeFailure extends Error {
  readonly kind: ErrorKind;
  constructor(error: CalcscribeError) {
    super(error.message);
    this.kind = error.kind;
    this.name = 'CalcscribeFailure';
  }
}

/** Unwraps a Result or throws a CalcscribeFailure (for adapters such as the CLI). */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new CalcscribeFailure(r.error);
}
