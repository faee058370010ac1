import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ServerClock {
  /** The server time of the last request that finished: request in → response finished, in ms. */
  last(): number;
}

/**
 * Server time as the server sees it: from the moment Node hands the request to the app (a
 * listener put before Express's) until the last byte of the response is handed to the socket
 * ('finish'). The benches' clients share the server's process, so their own work (parsing the
 * response) is left out of this figure; the client's round trip is reported beside it.
 */
export function serverClock(server: Server): ServerClock {
  let last = Number.NaN;
  server.prependListener('request', (_request, response) => {
    const started = performance.now();
    response.once('finish', () => (last = performance.now() - started));
  });
  return { last: () => last };
}
