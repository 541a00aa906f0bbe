/** Interface strings split for loading: the shell's strings at once, lazily loaded pages' with them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_GROUPS, stringsPlugin } from '../../src/compiler/strings-plugin.ts';

type Hook = (this: unknown, id: string) => unknown;
const plugin = stringsPlugin();
const call = (name: 'resolveId' | 'load', id: string, from = plugin) =>
  (from[name] as unknown as Hook).call({ addWatchFile() {} }, id);
const data = (id: string, from = plugin) => {
  const code = String(call('load', `\0${id}`, from));
  return JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(code)?.[1] ?? '""'));
};

describe('the strings plugin', () => {
  it('gives the shell everything but the lazily loaded pages’ groups, and those pages the rest', () => {
    for (const locale of ['en', 'ur']) {
      const whole = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
      const shell = data(`virtual:strings/${locale}/shell`);
      const pages = data(`virtual:strings/${locale}/pages`);
      expect({ ...shell, ...pages }).toEqual(whole);
      expect(Object.keys(pages).sort()).toEqual(PAGE_GROUPS.filter((group) => group in whole).sort());
      expect(Object.keys(shell)).toContain('quiz');
    }
  });

  it('builds English shell strings in, and loads everything else on demand', () => {
    expect(call('resolveId', 'virtual:strings')).toBe('\0virtual:strings');
    const code = String(call('load', '\0virtual:strings'));
    expect(code).toContain('export { default as englishShell } from "virtual:strings/en/shell"');
    for (const locale of ['en', 'hi', 'ms', 'ur'])
      expect(code).toContain(`import("virtual:strings/${locale}/pages")`);
  });

  it("puts a site profile's name in place of Safe Online, in every language", () => {
    const renamed = stringsPlugin(undefined, 'My Diary');
    for (const locale of ['en', 'hi', 'ms', 'ur']) {
      const strings = JSON.stringify({
        ...data(`virtual:strings/${locale}/shell`, renamed),
        ...data(`virtual:strings/${locale}/pages`, renamed),
      });
      expect(strings).not.toContain('Safe Online');
      expect(strings.split('My Diary').length - 1).toBe(
        readFileSync(`locales/${locale}.json`, 'utf8').split('Safe Online').length - 1,
      );
    }
  });
});
