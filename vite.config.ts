import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { buildManifestPlugin } from './src/compiler/build-manifest.ts';
import { languageNameFontsPlugin } from './src/compiler/language-name-fonts.ts';
import { lessonsDir } from './src/compiler/options.ts';
import { lessonsPlugin } from './src/compiler/plugin.ts';
import { cspPlugin, SECURITY_HEADERS } from './src/compiler/security-headers.ts';
import { singleFilePlugin } from './src/compiler/single-file.ts';
import { chosenProfile, manifestFields, readSiteProfile, sitePlugin } from './src/compiler/site.ts';
import { stringsPlugin } from './src/compiler/strings-plugin.ts';

/**
 * Modules of the app shell, put in one chunk because it compresses better than many small shared
 * ones. Left out: pages other than home and lesson, and code only they or a fallback use. A module
 * wrongly left in here still works, but `npm run size` shows it on the first visit. Listen's
 * styles stay in (with the first visit's CSS): a lazily loaded chunk with styles of its own would
 * bring Vite's preload helper, a kilobyte, into the first visit's JavaScript.
 */
const FIRST_VISIT = /[\\/](src[\\/](app|storage|i18n|shared|pwa)|node_modules[\\/](preact|i18next|idb))[\\/]/;
const LAZY =
  /pages[\\/](?!(Home|Lesson)\.tsx|lesson-progress\.ts)|shared[\\/](progress-file|sealed-file|passphrase-key|slides|search|site|help|help-flows|law)\.ts|storage[\\/](memory|persistence|sealed|saved-summaries|keys|cipher|progress|records|lock-record|locking|wrap|lifecycle|migrations|fallback)\.ts|pwa[\\/]register\.ts|app[\\/](components[\\/]fields|cover|return-place|quick-exit-history|frame-notice|share-address|lock[\\/](?!session)\w+)\.tsx?|app[\\/]notepad[\\/]|app[\\/]listen[\\/][\w-]+\.tsx?$|i18n[\\/]pseudo\.ts|main\.tsx$/;

export default defineConfig(({ command, mode }) => {
  // `npm run build:single`: one self-contained HTML file (see src/compiler/single-file.ts).
  const single = mode === 'single';
  // The site profile (name, icons, colours, cover): SITE_PROFILE, set by `npm run build -- --profile`.
  const site = readSiteProfile(chosenProfile());
  // A disguise names nothing after the app: not its storage (src/shared/names.ts), caches or files.
  const neutral = site.disguise?.storageName;
  return {
    define: neutral ? { __STORAGE_NAME__: JSON.stringify(neutral) } : {},
    // Relative URLs: the build works from any static host, any sub-path and a copied folder.
    base: './',
    publicDir: single ? false : site.publicDir,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: command === 'serve' } },
    // No modulepreload helper: lazily loaded chunks (lessons, pages) have no CSS or deep imports of
    // their own to preload, so plain import() is enough and saves a kilobyte on every first visit.
    build: {
      // Read by `npm run size`, and moved out of the build by buildManifestPlugin: it names every lesson.
      manifest: !single,
      target: 'es2022',
      modulePreload: false,
      outDir: single ? 'dist-single' : 'dist',
      // The single file carries its fonts inside it; elsewhere fonts stay files, which the
      // Content-Security-Policy allows (it allows no font written into the styles).
      assetsInlineLimit: single
        ? Number.POSITIVE_INFINITY
        : (file: string) => !file.endsWith('.woff2') && undefined,
      rolldownOptions: {
        output: single
          ? { codeSplitting: false }
          : {
              // Everything the first page needs in one chunk, which compresses better than the many
              // small shared chunks the bundler would otherwise split out for the lazily loaded pages.
              codeSplitting: {
                groups: [
                  {
                    name: 'app',
                    // The site profile's colours join the app's styles, after them.
                    test: (id: string) =>
                      (FIRST_VISIT.test(id) && !LAZY.test(id)) || id === '\0virtual:site.css',
                  },
                ],
              },
            },
      },
    },
    preview: { headers: SECURITY_HEADERS },
    plugins: [
      lessonsPlugin(lessonsDir(), { opaque: Boolean(site.disguise) }),
      sitePlugin(site),
      languageNameFontsPlugin(),
      stringsPlugin(undefined, site.name, site.strings),
      buildManifestPlugin(),
      single && singleFilePlugin(),
      cspPlugin(),
      VitePWA({
        // The single file works without a service worker.
        disable: single,
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['favicon.svg'],
        manifest: {
          ...manifestFields(site),
          lang: 'en',
          start_url: './',
          scope: './',
          display: 'standalone',
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // Cache Storage names start with this (the default profile keeps Workbox's own).
          ...(neutral ? { cacheId: neutral } : {}),
          globPatterns: ['**/*.{js,css,html,json,svg,png,woff2,webmanifest}'],
          globIgnores: ['.vite/**'],
          cleanupOutdatedCaches: true,
          // A large course's search index passes Workbox's 2 MiB default (about 11 kB a lesson, so
          // some 11 MB a language at 1,000 lessons); it must still be saved offline.
          maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
          // The first install takes control at once; later versions wait for the learner's "Update".
          clientsClaim: true,
          skipWaiting: false,
        },
      }),
    ],
  };
});
