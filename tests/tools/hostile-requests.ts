/** A built site with secrets around it, and raw HTTP for requests no well-behaved client sends. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SECRET = 'SECRET-THAT-MUST-NOT-LEAVE';

/** Words for text that compresses like real code does, not like one repeated letter. */
function prose(bytes: number): string {
  const words = ['lesson', 'phone', 'password', 'signal', 'backup', 'trainer', 'offline', 'quiz', 'ग', 'ک'];
  let seed = 7;
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const word = `${words[seed % words.length]}${seed % 97} `;
    parts.push(word);
    length += word.length;
  }
  return parts.join('');
}

/**
 * A folder `<tmp>/site` as a build would be, plus what an attacker wants: sibling files and folders
 * whose names start with the site's (`site-x/`, `site.env`), dotfiles inside, and symlinks out.
 */
export function hostileFixture(): { root: string; site: string; single: string; big: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'workshop-'));
  const site = path.join(root, 'site');
  mkdirSync(path.join(site, 'assets'), { recursive: true });
  mkdirSync(path.join(site, '.vite'));
  writeFileSync(path.join(site, 'index.html'), `<!doctype html><title>Notes</title><div id="app"></div>`);
  const big = `const text = ${JSON.stringify(prose(2_000_000))};`;
  writeFileSync(path.join(site, 'assets', 'app-abc123.js'), big);
  // Asked for by one test only, so that its compression is not made yet when that test starts.
  writeFileSync(path.join(site, 'assets', 'lazy-def456.js'), `${big}\n// lazy`);
  writeFileSync(path.join(site, '.vite', 'manifest.json'), `{"lessons": "${SECRET}"}`);
  writeFileSync(path.join(site, '.env'), SECRET);
  mkdirSync(path.join(root, 'site-x'));
  writeFileSync(path.join(root, 'site-x', 'secret.txt'), SECRET);
  writeFileSync(path.join(root, 'site.env'), SECRET);
  writeFileSync(path.join(root, 'outside.txt'), SECRET);
  symlinkSync(path.join(root, 'outside.txt'), path.join(site, 'leak.txt'));
  symlinkSync(path.join(root, 'site-x'), path.join(site, 'out'));
  const single = path.join(root, 'safe-online.html');
  writeFileSync(single, `<!doctype html><title>Notes</title><script type="module">${big}</script>`);
  return { root, site, single, big };
}

/** Sends `text` as it is on a new connection; resolves to everything the server answered. */
export function rawRequest(port: number, text: string | Buffer, timeout = 5_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, timeout);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', done);
    socket.write(text);
  });
}

/** The status code of a raw HTTP answer, or 0 when there was none. */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}
