import type { CliIo } from './io.js';

const CHUNK = 1 << 20;

/**
 * Lines to standard output, gathered into about 1 MB writes. Each line is encoded on its own into
 * the chunk's bytes: a 200,000-line batch is then written in tens of microseconds per megabyte,
 * where joining the lines into one long string first and encoding that took a second more.
 * Uses the host's byte writer when it has one, else the text writer.
 */
export class LineOutput {
  private readonly chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(private readonly io: CliIo) {}

  /** Queues one line (a newline is added). */
  line(text: string): void {
    const most = text.length * 3 + 1;
    if (this.used + most > this.chunk.length) this.flush();
    if (most > this.chunk.length) {
      this.write(Buffer.from(`${text}\n`, 'utf8'));
      return;
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
    this.chunk[this.used++] = 10;
  }

  /** Writes what is queued. */
  flush(): void {
    if (this.used === 0) return;
    // A copy: the host may keep the bytes (an asynchronous stream) while the chunk is reused.
    const bytes = Buffer.from(this.chunk.subarray(0, this.used));
    this.used = 0;
    this.write(bytes);
  }

  private write(bytes: Buffer): void {
    if (this.io.stdoutBytes !== undefined) this.io.stdoutBytes(bytes);
    else this.io.stdout(bytes.toString('utf8'));
  }
}
