/**
 * Serves a finished build as `npm start` does (vite preview, with the app's security headers) on
 * the loopback address: on a free port, or on `port` when given. Used by the benchmark and tests.
 */
import { preview } from 'vite';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function serve(outDir: string, port = 0): Promise<Served> {
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
