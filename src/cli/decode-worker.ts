/**
 * The command line's decode worker (a Node worker thread): decodes one compressed frame per message
 * with the core's built-in decoders and answers with the result, the decoded bytes transferred.
 * The main thread stops it when a frame takes too long (core/ingest/decode-time-limit.ts).
 */
import { parentPort } from 'node:worker_threads';
import { BUILT_IN_DECODERS } from '../core/ingest/decode-compressed-frame.js';
import { answerDecodeRequest, type DecodeRequest } from '../core/ingest/decode-time-limit.js';

const port = parentPort;
if (port === null) throw new Error('decode-worker runs as a worker thread');
port.on('message', (request: DecodeRequest) => {
  void answerDecodeRequest(request, BUILT_IN_DECODERS).then(({ reply, transfer }) => port.postMessage(reply, transfer));
});
