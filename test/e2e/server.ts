/**
 * The end-to-end test server: serves the test pages on 127.0.0.1 and is also the browsers'
 * HTTP proxy (with loopback not bypassed), so every request a browser makes, from any page,
 * worker or extension context, passes through here and is recorded. Nothing is forwarded:
 * a request for any other host is answered 502 and kept as a leak. `hosted` pages are served
 * at addresses of other hosts (the browser asks the proxy, never a name server), so a test can
 * open the same article on an outlet's address and on a copier's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
  origin: string;
  port: number;
  /** Every request seen, as "METHOD URL" (CONNECT requests as "CONNECT host:port"). */
  requests: string[];
  /** Requests for anything but this server. */
  leaks(): string[];
  close(): Promise<void>;
}

/** Answers a request for one path of the server with content that changes during a test. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Starts the server with the given pages (path -> HTML), pages at other hosts (absolute URL
 * -> HTML) and paths answered by a handler.
 */
export async function startServer(
  pages: Map<string, string>,
  hosted: Map<string, string> = new Map(),
  handlers: Map<string, Handler> = new Map(),
): Promise<RecordingServer> {
  const requests: string[] = [];
  const hostedOrigins = [...hosted.keys()].map((url) => new URL(url).origin);
  let origin = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(`${req.method} ${url.href}`);
    const elsewhere = hosted.get(url.href);
    if (elsewhere !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(elsewhere);
      return;
    }
    if (url.origin !== origin) {
      res.writeHead(502).end();
      return;
    }
    const handler = handlers.get(url.pathname);
    if (handler) {
      handler(req, res);
      return;
    }
    const html = pages.get(url.pathname);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    requests.push(`CONNECT ${req.url}`);
    // Browsers reset refused tunnels; that is expected, not a failure of the server.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    leaks: () => requests.filter((r) => ![origin, ...hostedOrigins].some((o) => r.includes(` ${o}/`))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
