/**
 * `npm run workshop [--profile NAME] [--port N] [--dir FOLDER]`: serves the app from a laptop to
 * every phone on the same network, with no internet. Builds the site and the single file with the
 * chosen site profile (or reuses them only when a content hash says nothing changed), prints each
 * address with a QR code and which profile is served, and offers the single file and a zip of the
 * site, all three of the same build. Over plain http phones cannot save the app for offline use
 * (browsers allow that only on https or localhost); the app says so itself.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderUnicodeCompact } from 'uqr';
import { build } from 'vite';
import { lessonsDir } from '../compiler/options.ts';
import { SINGLE_FILE } from '../compiler/single-file.ts';
import { chosenProfile, readSiteProfile } from '../compiler/site.ts';
import { buildFingerprint } from './build-fingerprint.ts';
import { SINGLE_PATH, startServer, ZIP_PATH } from './workshop-server.ts';

/** Where the workshop's builds go unless `--dir` says otherwise; apart from `npm run build`'s dist/. */
export const WORKSHOP_DIR = 'dist-workshop';

/** The laptop's addresses on its networks (IPv4, not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address?.address as string);
}

/** The folders of one workshop build: the site, the single file, and the fingerprint they were made from. */
export function workshopPaths(dir: string) {
  return {
    site: path.join(dir, 'site'),
    single: path.join(dir, 'single', SINGLE_FILE),
    stamp: path.join(dir, 'build-stamp.json'),
  };
}

/**
 * Builds the site and the single file with `profile` into `dir`, unless the build there was made
 * from exactly the same lessons, profile and code. Resolves to whether it built.
 */
export async function ensureWorkshopBuild(dir: string, profile: string): Promise<boolean> {
  const paths = workshopPaths(dir);
  const fingerprint = buildFingerprint(profile, lessonsDir());
  const previous = existsSync(paths.stamp) ? readFileSync(paths.stamp, 'utf8') : '';
  const fresh =
    previous === JSON.stringify({ profile, fingerprint }) &&
    existsSync(path.join(paths.site, 'index.html')) &&
    existsSync(paths.single);
  if (fresh) return false;
  // No stamp while building: a build stopped half way is never taken for a finished one.
  rmSync(paths.stamp, { force: true });
  const before = process.env.SITE_PROFILE;
  process.env.SITE_PROFILE = profile;
  try {
    await build({ logLevel: 'warn', build: { outDir: paths.site, emptyOutDir: true } });
    await build({
      mode: 'single',
      logLevel: 'warn',
      build: { outDir: path.dirname(paths.single), emptyOutDir: true },
    });
  } finally {
    if (before === undefined) delete process.env.SITE_PROFILE;
    else process.env.SITE_PROFILE = before;
  }
  writeFileSync(paths.stamp, JSON.stringify({ profile, fingerprint }));
  return true;
}

export interface WorkshopServer {
  server: Server;
  /** The address phones can use, one per network interface (not loopback). */
  urls: string[];
  port: number;
}

/** Serves the workshop build in `dir` on every interface (`0.0.0.0`) at `port` (0: any free port). */
export async function startWorkshopServer(dir: string, port: number): Promise<WorkshopServer> {
  const paths = workshopPaths(dir);
  let bound = port;
  const urls = () => lanAddresses().map((host) => `http://${host}:${bound}/`);
  const server = await startServer({ dir: paths.site, port, single: paths.single, urls });
  const address = server.address();
  bound = typeof address === 'object' && address ? address.port : port;
  return { server, port: bound, urls: urls() };
}

async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const dir = option('--dir') ?? WORKSHOP_DIR;
  // Checked first, so that a wrong profile gets only its path:line:col message.
  const profile = readSiteProfile(chosenProfile(args));
  console.log(`Site profile: ${profile.id} (the app is called "${profile.name}").`);
  if (await ensureWorkshopBuild(dir, profile.id))
    console.log('Built the app and the single file for this profile.');
  else console.log('Lessons, profile and code are unchanged since the last build: serving that build.');
  const requested = Number(option('--port') ?? process.env.PORT ?? 8080);
  const { server, urls, port } = await startWorkshopServer(dir, requested);
  const address = server.address();
  console.log(
    `${profile.name} is served on all network interfaces (${typeof address === 'object' && address ? address.address : '0.0.0.0'}:${port}), with the site profile "${profile.id}".`,
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
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    // A wrong profile or lesson: its own message says where, without a stack trace.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
