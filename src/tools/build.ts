/**
 * `npm run build` and `npm start`: builds the app with a site profile, `--profile <name>` (see
 * docs/site-profiles.md), then with `--preview` serves it as `npm start` does. Vite's own command
 * line has a `--profile` flag that means something else, hence this step.
 */
import { build, preview } from 'vite';
import { chosenProfile, readSiteProfile } from '../compiler/site.ts';

const argv = process.argv.slice(2);
const unknown = argv.filter(
  (arg, i) => !arg.startsWith('--profile') && arg !== '--preview' && argv[i - 1] !== '--profile',
);
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}: use --profile <name> (a folder of site/).`);
  process.exit(1);
}

try {
  // vite.config.ts reads the profile from here. Checked first too, so that a wrong one gets only
  // its path:line:col message, without Vite's "failed to load config" around it.
  process.env.SITE_PROFILE = readSiteProfile(chosenProfile(argv)).id;
  await build();
} catch (error) {
  // The lessons or the profile have problems: their messages say where, without a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (argv.includes('--preview')) {
  const server = await preview({ preview: { port: 4173, strictPort: true } });
  server.printUrls();
}
