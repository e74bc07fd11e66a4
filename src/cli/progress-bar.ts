import type { CliIo } from './io.js';

/** Drawn only for this many items or more: a store or fetch of one exam's few files needs none. */
export const PROGRESS_BAR_FROM = 5;

/**
 * A one-line progress bar on standard error, redrawn in place, for long transfers; drawn only
 * when standard error is a terminal and there are many items, so logs and pipes get plain lines.
 * Lines printed while it is shown (per-file errors) are written above it.
 */
export class ProgressBar {
  private shown = false;
  private readonly active: boolean;
  private lastDraw = 0;

  constructor(
    private readonly io: CliIo,
    private readonly items: number,
    private readonly label: string,
  ) {
    this.active = io.stderrIsTerminal === true && items >= PROGRESS_BAR_FROM;
  }

  /** Redraws with `done` items (and `bytes` of `totalBytes` sent, when known); at most 10 times a second unless finished. */
  update(done: number, bytes?: number, totalBytes?: number): void {
    if (!this.active) return;
    const now = Date.now();
    if (done < this.items && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 24;
    const fraction = bytes !== undefined && totalBytes !== undefined && totalBytes > 0 ? Math.min(1, bytes / totalBytes) : done / Math.max(1, this.items);
    const filled = Math.round(fraction * width);
    const mb = (n: number): string => (n / 1_048_576).toFixed(1);
    const size = bytes !== undefined && totalBytes !== undefined ? `, ${mb(bytes)} of ${mb(totalBytes)} MB` : '';
    this.io.stderr(`\r\u001b[K${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.items} files${size}`);
    this.shown = true;
  }

  /** Writes a line to standard error above the bar. */
  line(text: string): void {
    this.clear();
    this.io.stderr(text);
  }

  /** Removes the bar. */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\u001b[K');
    this.shown = false;
  }
}
