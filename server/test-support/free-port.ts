import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on now, chosen by the system (for a server a test, a benchmark or the browser journeys start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
