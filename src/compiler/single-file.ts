/**
 * `npm run build:single`: the whole app (every lesson and language, fonts) as one HTML file that
 * works opened from a phone's files (file://), with no service worker, to pass around by
 * Bluetooth, USB or a messaging app. The bundle is built as one script; this plugin puts it and the
 * styles inside index.html and lets the Content-Security-Policy allow exactly them, by hash.
 */
import { createHash } from 'node:crypto';
import type { OutputAsset, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/** The file the single-file build writes. */
export const SINGLE_FILE = 'safe-online.html';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The code made safe to put inside <script>…</script>. HTML ends that element at the first
 * "</script", and after a "<!--" a "<script" makes the parser skip past the real end, so the app
 * is lost (a blank page). Every value the bundle inlines (titles, names, lesson text) sits in a
 * string, template or regular expression, where "\x3C" and "<\/" mean the same as "<" and "</"; a
 * minifier never writes "<!--" as code, since old scripts read it as a comment.
 */
export function inlineScript(code: string): string {
  return code.replace(/<!--/g, '\\x3C!--').replace(/<\/script/gi, '<\\/script');
}

/** Turns the build's index.html, script and styles into one file, `SINGLE_FILE`. */
export function singleFilePlugin(): Plugin {
  return {
    name: 'safe-online-single-file',
    apply: 'build',
    enforce: 'post',
    // After Vite's own steps, which finish the code (for example its dynamic-import helpers).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = Object.values(bundle).find((item) => item.fileName === 'index.html') as
          | OutputAsset
          | undefined;
        const script = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry) as
          | OutputChunk
          | undefined;
        if (!html || !script) throw new Error('The single-file build needs index.html and one entry script.');
        const styles = Object.values(bundle)
          .filter((item): item is OutputAsset => item.type === 'asset' && item.fileName.endsWith('.css'))
          .map((item) => String(item.source))
          .join('\n')
          // Only "</style" can end a <style> element early.
          .replace(/<\/style/gi, '<\\/style');
        const code = inlineScript(script.code);
        const policy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src ${hash(code)}`)
          .replace("style-src 'self'", `style-src ${hash(styles)}`)
          .replace("font-src 'self'", 'font-src data:')
          .replace("img-src 'self' data:", 'img-src data:');
        let page = String(html.source)
          .replace(
            /<meta http-equiv="Content-Security-Policy"[^>]*>/,
            `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
          )
          .replace(/<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/, '')
          .replace(/<link rel="stylesheet"[^>]*>/g, '')
          .replace(/<link rel="(manifest|icon|apple-touch-icon)"[^>]*>/g, '');
        // Function replacements: the code's own "$&" or "$1" must not be read as replacement patterns.
        page = page
          .replace('</head>', () => `<style>${styles}</style>\n</head>`)
          .replace('</body>', () => `<script type="module">${code}</script>\n</body>`);
        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE, source: page });
      },
    },
  };
}
