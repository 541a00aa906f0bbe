/** Interface strings and site profiles: `lessons check` refuses direction controls in them too. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appTextProblems } from '../../src/compiler/app-texts.ts';
import { formatError } from '../../src/compiler/errors.ts';

const root = mkdtempSync(path.join(tmpdir(), 'app-texts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('direction controls in the app texts', () => {
  it('are refused in locales/*.json and site.yaml, where they stand', () => {
    mkdirSync(path.join(root, 'locales'));
    mkdirSync(path.join(root, 'site', 'mine'), { recursive: true });
    // "1234 5678" would show as "5678 1234" with these isolates around the second number.
    writeFileSync(
      path.join(root, 'locales', 'ur.json'),
      '{\n  "pin": "PIN: 1234 \u20665678\u2069",\n  "safe": "\\u200F ok"\n}\n',
    );
    writeFileSync(path.join(root, 'locales', 'en.json'), '{\n  "pin": "PIN: 1234 5678"\n}\n');
    writeFileSync(path.join(root, 'site', 'mine', 'site.yaml'), 'name: "Notes \\u202E"\n');
    const shown = appTextProblems(root).map((error) =>
      formatError(error).replace(/^.*app-texts-[^/]+\//, ''),
    );
    expect(shown).toEqual([
      'locales/ur.json:2:21: invisible direction control U+2066 is not allowed: delete it',
      'locales/ur.json:2:26: invisible direction control U+2069 is not allowed: delete it',
      'locales/ur.json:3:12: invisible direction control U+200F (written "\\u200F") is not allowed: delete it',
      'site/mine/site.yaml:1:14: invisible direction control U+202E (written "\\u202E") is not allowed: delete it',
    ]);
  });

  it('are absent from the app as shipped', () => {
    expect(appTextProblems().map(formatError)).toEqual([]);
  });
});
