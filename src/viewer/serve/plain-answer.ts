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
  answer(req, res, status, 'text/plain; charset=utf-8', `${message}\n`, headers, close);
}

/** The body of answerProblem: what a DICOMweb client reads from a JSON error (as from Orthanc's { "Message": … }). */
export interface ProblemAnswer {
  readonly message: string;
}

/**
 * Answers a DICOMweb request the server refuses or cannot pass on with a status and a one-line
 * message as JSON ({ "message": … }): the page's DICOMweb client asks for JSON and, in a browser,
 * cannot read a plain-text body, so only JSON brings the reason to the radiologist.
 */
export function answerProblem(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Readonly<Record<string, string>> = {}, close = false): void {
  const problem: ProblemAnswer = { message };
  answer(req, res, status, 'application/json; charset=utf-8', JSON.stringify(problem), headers, close);
}

/** Answers 200 with a JSON value. */
export function answerJson(req: IncomingMessage, res: ServerResponse, value: unknown): void {
  answer(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, text: string, headers: Readonly<Record<string, string>> = {}, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(text, 'utf8');
  res.statusCode = status;
  setOwnAnswerHeaders(res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(body.length));
  if (close) res.setHeader('Connection', 'close');
  res.end(req.method === 'HEAD' ? undefined : body);
}
