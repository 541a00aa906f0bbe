/**
 * The workshop's HTTP server: a built app served to everyone on the room's network, some of whom
 * may be hostile. No request can end the process or reach a file outside the build: every
 * refusal is a 4xx and one line in the trainer's terminal. Files are read asynchronously and
 * compressed once; slow or oversized requests are cut off by timeouts and header limits.
 */
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from '../compiler/security-headers.ts';
import { chooseEncoding, compressedFiles, isCompressible } from './compressed-files.ts';
import { resolveRequest } from './request-path.ts';
import { siteZip } from './site-zip.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
};
/** The zip of the whole app, for partners to put on any web host. */
export const ZIP_PATH = '/safe-online-site.zip';
/** The single-file app, to pass to phones by Bluetooth, USB or a messaging app. */
export const SINGLE_PATH = '/safe-online.html';
/** Where a page opened on the laptop itself asks for the laptop's addresses on the room's network. */
export const ADDRESSES_PATH = '/workshop-addresses.json';

export interface ServerOptions {
  /** The built site to serve. */
  dir: string;
  port: number;
  /** The interface to listen on: every one by default, loopback in tests. */
  host?: string;
  /** The single-file build, offered at SINGLE_PATH. */
  single?: string;
  /** The addresses phones can use, told to pages opened on the laptop itself. */
  urls?: () => string[];
  /** Where a line about each refused request goes. */
  log?: (line: string) => void;
  /** Milliseconds a client has to send its headers, and its whole request. */
  headersTimeout?: number;
  requestTimeout?: number;
}

/** A request target made safe to print on one line of a terminal. */
function printable(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const LOOPBACK_PEER = /^(127\.|::1$|::ffff:127\.)/;

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<Server> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = await realpath(options.dir);
  const files = compressedFiles();
  const zip = await siteZip(root);

  const refuse = (request: IncomingMessage, response: ServerResponse, status: number, reason: string) => {
    log(
      `Refused ${status} ${request.method} ${printable(request.url ?? '')} from ${request.socket.remoteAddress}: ${reason}`,
    );
    response.writeHead(status, { 'Content-Type': TYPES['.txt'], Connection: 'close' });
    response.end(`${status}\n`);
  };

  const send = async (request: IncomingMessage, response: ServerResponse, file: string, extra = {}) => {
    const variants = await files(file);
    const encoding = chooseEncoding(request.headers['accept-encoding'], variants);
    const body = encoding ? (variants[encoding] as Buffer) : variants.raw;
    const extension = path.extname(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': body.length,
      // Hashed files never change; everything else is checked again each time.
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      ...(isCompressible(file) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...extra,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return refuse(request, response, 405, 'only GET and HEAD are served');
    }
    // Nothing here takes a body; one is refused rather than read.
    if (request.headers['transfer-encoding'] || Number(request.headers['content-length'] ?? 0) > 0)
      return refuse(request, response, 413, 'a request body');
    const target = request.url ?? '';
    const pathname = target.split(/[?#]/, 1)[0];
    if (pathname === SINGLE_PATH && options.single)
      return send(request, response, options.single, {
        'Content-Disposition': 'attachment; filename="safe-online.html"',
      });
    if (pathname === ZIP_PATH) {
      response.writeHead(200, {
        'Content-Type': TYPES['.zip'],
        'Content-Length': zip.length,
        'Content-Disposition': 'attachment; filename="safe-online-site.zip"',
        'Cache-Control': 'no-cache',
      });
      return response.end(request.method === 'HEAD' ? undefined : zip);
    }
    if (pathname === ADDRESSES_PATH) {
      // Only for a page on the laptop itself, reached by a loopback name (not a rebound domain):
      // the laptop's other networks are nobody else's business.
      const local =
        LOOPBACK_PEER.test(request.socket.remoteAddress ?? '') &&
        LOOPBACK_HOST.test(request.headers.host ?? '');
      if (!local) return refuse(request, response, 404, 'addresses are only told to the laptop itself');
      const body = JSON.stringify({ urls: options.urls?.() ?? [] });
      response.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      return response.end(request.method === 'HEAD' ? undefined : body);
    }
    const resolved = await resolveRequest(root, target);
    if ('status' in resolved) return refuse(request, response, resolved.status, resolved.reason);
    return send(request, response, resolved.file);
  };

  const server = createServer({
    maxHeaderSize: 16 * 1024,
    headersTimeout: options.headersTimeout ?? 10_000,
    requestTimeout: options.requestTimeout ?? 30_000,
    // How often the timeouts above are checked.
    connectionsCheckingInterval: Math.min(1_000, options.headersTimeout ?? 1_000),
  });
  server.on('request', (request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`Error on ${printable(request.url ?? '')}: ${error instanceof Error ? error.message : error}`);
      if (!response.headersSent) response.writeHead(500, { Connection: 'close' });
      response.end();
    });
  });
  // Requests Node cannot even parse (bad request line, headers too large, too slow): answered and
  // closed here, never thrown.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    log(`Refused ${status} from ${socket.remoteAddress ?? 'a client'}: ${error.code ?? error.message}`);
    if (socket.writable) socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  // A client that stops reading half way is dropped after two quiet minutes.
  server.setTimeout(120_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  // The largest download, compressed ahead of the first phone that asks (on the zlib threads).
  if (options.single) files(options.single).catch(() => undefined);
  return server;
}
