/**
 * `npm run workshop`: serves the app from a laptop to every phone on the same network, with no
 * internet. Prints each address with a QR code, serves correct types with compression, and offers
 * a zip of the app for partners to host. Over plain http phones cannot save the app for offline
 * use (browsers allow that only on https or localhost); the app says so itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { renderUnicodeCompact } from 'uqr';
import { build } from 'vite';
import { SECURITY_HEADERS } from '../compiler/security-headers.ts';
import { SINGLE_FILE } from '../compiler/single-file.ts';

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
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg']);
/** The zip of the whole app, for partners to put on any web host. */
export const ZIP_PATH = '/safe-online-site.zip';
/** The single-file app, to pass to phones by Bluetooth, USB or a messaging app. */
export const SINGLE_PATH = '/safe-online.html';

/** Every file of `dir`, relative, for the zip. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const relative = path.posix.join(prefix, name);
    return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), relative) : [relative];
  });
}

export interface WorkshopServer {
  server: Server;
  /** The address phones can use, one per network interface (not loopback). */
  urls: string[];
  port: number;
}

/** The laptop's addresses on its networks (IPv4, not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address?.address as string);
}

/** Serves `dir` on every interface (`0.0.0.0`) at `port` (0: any free port). */
export async function startWorkshopServer(
  dir: string,
  port: number,
  single?: string,
): Promise<WorkshopServer> {
  const root = path.resolve(dir);
  const zip = Buffer.from(
    zipSync(
      Object.fromEntries(
        walk(root)
          .filter((file) => !file.startsWith('.vite/'))
          .map((file) => [file, readFileSync(path.join(root, file))]),
      ),
    ),
  );
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (url.pathname === SINGLE_PATH && single && existsSync(single)) {
      response.writeHead(200, {
        'Content-Type': TYPES['.html'],
        'Content-Disposition': 'attachment; filename="safe-online.html"',
      });
      response.end(readFileSync(single));
      return;
    }
    if (url.pathname === ZIP_PATH) {
      response.writeHead(200, {
        'Content-Type': TYPES['.zip'],
        'Content-Disposition': 'attachment; filename="safe-online-site.zip"',
      });
      response.end(zip);
      return;
    }
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(root, 'index.html');
    const extension = path.extname(file);
    let body = readFileSync(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extension] ?? 'application/octet-stream',
      // Hashed files never change; everything else is checked again each time.
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    };
    if (gzip && COMPRESSIBLE.has(extension)) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    response.writeHead(200, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, port: bound, urls: lanAddresses().map((host) => `http://${host}:${bound}/`) };
}

async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const dir = option('--dir') ?? 'dist';
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.log('Building the app first…');
    await build({ logLevel: 'warn', build: { outDir: dir } });
  }
  const single = path.join('dist-single', SINGLE_FILE);
  if (!existsSync(single)) {
    console.log('Building the single-file app…');
    await build({ mode: 'single', logLevel: 'warn' });
  }
  const requested = Number(option('--port') ?? process.env.PORT ?? 8080);
  const { server, urls, port } = await startWorkshopServer(dir, requested, single);
  const address = server.address();
  console.log(
    `Safe Online is served on all network interfaces (${typeof address === 'object' && address ? address.address : '0.0.0.0'}:${port}).`,
  );
  console.log('Over plain http phones can use the app while connected but cannot save it for offline use.\n');
  if (urls.length === 0)
    console.log(
      `No network found: connect this laptop to a Wi-Fi network or hotspot. On this laptop: http://localhost:${port}/`,
    );
  for (const url of urls) {
    console.log(`Open on a phone on the same network: ${url}`);
    console.log(renderUnicodeCompact(url));
  }
  const base = urls[0] ?? `http://localhost:${port}/`;
  console.log(
    `The app as one file, to pass on by Bluetooth, USB or a messaging app: ${base}${SINGLE_PATH.slice(1)}`,
  );
  console.log(`A zip of the app, for a partner to host anywhere: ${base}${ZIP_PATH.slice(1)}`);
  console.log('Press Ctrl+C to stop.');
}

// Run only when started as a program, not when a test imports the server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
