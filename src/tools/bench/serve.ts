/** Serves a finished build as `npm run preview` does (with the app's security headers), on a free port. */
import { preview } from 'vite';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function serve(outDir: string): Promise<Served> {
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
