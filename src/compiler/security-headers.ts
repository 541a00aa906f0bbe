/** The Content-Security-Policy and other security headers: one source for the page and the server. */
import type { Plugin } from 'vite';

/** Nothing but the app's own origin: no CDN, no remote fonts, no analytics, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Headers `npm start` sends; docs/hosting.md gives the same for other servers (a test keeps them equal). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Puts the policy into index.html as a <meta>, so it holds on any static host and from file://.
 * The dev server injects CSS as inline <style> elements, so there alone inline styles are allowed.
 */
export function cspPlugin(): Plugin {
  let dev = false;
  return {
    name: 'safe-online-csp',
    configResolved(config) {
      dev = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml() {
      const policy = dev
        ? CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        : CONTENT_SECURITY_POLICY;
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
