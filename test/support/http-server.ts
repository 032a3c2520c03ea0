import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThrowawayServer {
  url: string;
  server: Server;
}

/**
 * Runs work against a one-off HTTP server on 127.0.0.1 and a free port, answering with handler;
 * the server and its connections are closed afterwards, whether work passed or threw.
 */
export async function withHttpServer<T>(
  handler: RequestListener,
  work: (server: ThrowawayServer) => Promise<T>,
): Promise<T> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  try {
    return await work({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A base URL on 127.0.0.1 where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  return withHttpServer(
    () => {},
    async ({ url }) => url,
  );
}
