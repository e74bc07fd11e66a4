/** What a command may touch of the outside world: injected so commands are testable in-process. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  /** Bytes to standard output (large outputs, e.g. batch results); absent: written through stdout as text. */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  readonly stderr: (s: string) => void;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** Whether standard error is a terminal (a progress bar may be drawn there); absent: it is not. */
  readonly stderrIsTerminal?: boolean;
}

/** Exit codes: the contract scripts rely on. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input detected by the command line: one line on stderr, exit code 2, never a stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Makes text safe for a terminal: control characters (escape sequences included) other than
 * newline and tab are shown as \\uXXXX; nothing else changes.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
