/**
 * `npm run build` and `npm start`: builds the app with a site profile, `--profile <name>` (see
 * docs/site-profiles.md), then with `--preview` serves it as `npm start` does, on `--port <n>`
 * (4173 unless given). `--outDir <folder>` builds somewhere other than dist/. Vite's own command
 * line has a `--profile` flag that means something else, hence this step.
 */
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { chosenProfile, readSiteProfile } from '../compiler/site.ts';

const started = performance.now();
let options: { profile?: string; preview?: boolean; port?: string; outDir?: string };
try {
  ({ values: options } = parseArgs({
    options: {
      profile: { type: 'string' },
      preview: { type: 'boolean' },
      port: { type: 'string' },
      outDir: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : error}\n` +
      'Options: --profile <name> (a folder of site/), --preview, --port <n>, --outDir <folder>.',
  );
  process.exit(1);
}
const port = Number(options.port ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${options.port}: give a port number from 0 to 65535.`);
  process.exit(1);
}
const outDir = options.outDir ? { outDir: options.outDir, emptyOutDir: true } : {};

try {
  // vite.config.ts reads the profile from here. Checked first too, so that a wrong one gets only
  // its path:line:col message, without Vite's "failed to load config" around it.
  process.env.SITE_PROFILE = readSiteProfile(
    chosenProfile(options.profile ? ['--profile', options.profile] : []),
  ).id;
  // `npm start` is what a newcomer runs first: warnings and errors only, then the address.
  await build(
    options.preview
      ? { logLevel: 'warn', build: { ...outDir, rolldownOptions: { checks: { bundlerTimings: false } } } }
      : { build: outDir },
  );
} catch (error) {
  // The lessons or the profile have problems: their messages say where, without a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (options.preview) {
  const server = await preview({
    preview: { port, strictPort: true },
    build: outDir,
    logLevel: 'warn',
  });
  const { local = [], network = [] } = server.resolvedUrls ?? {};
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`Safe Online (${process.env.SITE_PROFILE} profile) built in ${seconds} s. Open it at:`);
  for (const url of [...local, ...network]) console.log(`  ${url}`);
}
