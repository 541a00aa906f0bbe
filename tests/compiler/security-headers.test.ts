/** docs/hosting.md gives hosts exactly the headers `npm start` sends. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/compiler/security-headers.ts';

const doc = readFileSync('docs/hosting.md', 'utf8');
const block = (language: string) => new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1] ?? '';

describe('the hosting guide', () => {
  it.each(Object.entries(SECURITY_HEADERS))('gives %s as the app sends it', (name, value) => {
    expect(doc).toContain(`| \`${name}\` | \`${value}\` |`);
    expect(block('nginx')).toContain(`add_header ${name} "${value}" always;`);
    expect(block('caddy')).toContain(`${name} "${value}"`);
  });
});
