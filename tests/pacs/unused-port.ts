/**
 * A port on 127.0.0.1 that nothing listens on: bound, then closed again. A client sent there gets
 * a refused connection (a PACS that is down; on this kind of machine an unrouted address may be
 * answered by a gateway, a closed local port never is), and a server started next may take it.
 */
import { createServer } from 'node:net';

export async function unusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', resolve);
  });
  const a = s.address();
  const port = typeof a === 'object' && a !== null ? a.port : 0;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  if (port === 0) throw new Error('no port was given for 127.0.0.1');
  return port;
}
