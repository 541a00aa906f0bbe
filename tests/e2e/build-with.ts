/** Builds the app into its own folder with some settings changed, as a partner's build would be. */
import { build } from 'vite';

/**
 * Runs `vite build` into `outDir` with `env` set for the build only (LESSONS_DIR for another
 * lessons folder, SITE_PROFILE for another site profile), then puts the environment back.
 */
export async function buildWith(outDir: string, env: Record<string, string>): Promise<void> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
