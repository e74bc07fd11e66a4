/**
 * The standalone server's own short answers (errors, refusals, the DICOMweb settings): plain text
 * or JSON that the page may read but no other site may embed, never cached, never run as a page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every answer the server writes itself and on every proxied DICOMweb response. */
export const OWN_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Same-origin only: satisfies the page's Cross-Origin-Embedder-Policy and keeps other sites out.
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Patient data and error pages are not kept in the browser's cache.
  'Cache-Control': 'no-store',
  // Opened directly in a tab, an answer is shown as data, never run as a page.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** Writes the own-answer headers onto a response. */
export function setOwnAnswerHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(OWN_ANSWER_HEADERS)) res.setHeader(name, value);
}

/**
 * Answers with a status and a one-line plain-text message. `close` asks the client to close the
 * connection (used when a request body is refused unread).
 */
export function answerText(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Readonly<Record<string, string>> = {}, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(`${message}\n`, 'utf8');
  res.statusCode = status;
  setOwnAnswerHeaders(res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', String(body.length));
  if (close) res.setHeader('Connection', 'close');
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers 200 with a JSON value. */
export function answerJson(req: IncomingMessage, res: ServerResponse, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.statusCode = 200;
  setOwnAnswerHeaders(res);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}
