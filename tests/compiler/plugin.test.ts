/** The Vite plugin's hooks, called directly: virtual modules for the course and each lesson. */
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { lessonsPlugin } from '../../src/compiler/plugin.ts';
import { BROKEN_DIR, VALID_DIR } from './helpers.ts';

type Hook = (this: unknown, id: string) => unknown;

/** Calls a plugin hook the way Vite does, whether it is a function or `{ handler }`. */
function hook(plugin: Plugin, name: 'resolveId' | 'load', id: string): unknown {
  const value = plugin[name] as unknown as Hook | { handler: Hook } | undefined;
  const fn = typeof value === 'function' ? value : value?.handler;
  if (!fn) throw new Error(`the plugin has no ${name} hook`);
  return fn.call({}, id);
}

/** The data of a `export default JSON.parse("...")` module, checking that it has exactly that form. */
function jsonModuleData(code: unknown): unknown {
  const match = /^export default JSON\.parse\(("(?:[^"\\]|\\.)*")\);$/.exec(String(code));
  expect(match, String(code).slice(0, 200)).not.toBeNull();
  return JSON.parse(JSON.parse(match?.[1] ?? '""'));
}

describe('lessonsPlugin', () => {
  const plugin = lessonsPlugin(VALID_DIR);

  it('resolves its virtual modules to \\0-prefixed ids, and nothing else', () => {
    expect(hook(plugin, 'resolveId', 'virtual:course')).toBe('\0virtual:course');
    expect(hook(plugin, 'resolveId', 'virtual:course/ur')).toBe('\0virtual:course/ur');
    expect(hook(plugin, 'resolveId', 'virtual:lesson/first-steps/en')).toBe(
      '\0virtual:lesson/first-steps/en',
    );
    expect(hook(plugin, 'resolveId', './main.tsx')).toBeNull();
    expect(hook(plugin, 'load', '/src/main.tsx')).toBeNull();
  });

  it('gives the shell only one loader per language, however many lessons there are', () => {
    const code = String(hook(plugin, 'load', '\0virtual:course'));
    for (const locale of ['en', 'hi', 'ms', 'ur'])
      expect(code).toContain(`import("virtual:course/${locale}")`);
    expect(code).not.toContain('first-steps');
    expect(code).not.toContain('virtual:lesson');
  });

  it('makes a course index per language that loads each lesson lazily and holds no markdown', () => {
    const code = String(hook(plugin, 'load', '\0virtual:course/en'));
    expect(code).toContain('import("virtual:lesson/first-steps/en")');
    expect(code).toContain('import("virtual:lesson/every-block/en")');
    expect(code.indexOf('first-steps')).toBeLessThan(code.indexOf('every-block'));
    expect(code).not.toContain(':::');
    expect(code).not.toContain('Your phone is taken at a checkpoint');
    expect(code).not.toMatch(/<p>|<a /);
  });

  it('falls back to the English lesson where a language has no translation, and says so', async () => {
    const code = String(hook(plugin, 'load', '\0virtual:course/ur'));
    expect(code).toContain('import("virtual:lesson/first-steps/en")');
    expect(code).not.toContain('virtual:lesson/first-steps/ur');
    const lessons = JSON.parse(
      JSON.parse(/export const lessons = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(code)?.[1] ?? '""'),
    );
    expect(lessons[0]).toMatchObject({ id: 'first-steps', title: 'First steps', textLocale: 'en' });
    const modules = JSON.parse(
      JSON.parse(/export const modules = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(code)?.[1] ?? '""'),
    );
    expect(modules[0]).toMatchObject({ id: 'basics', title: 'The basics', textLocale: 'en' });
  });

  it('makes a lesson module that is JSON data with the compiled lesson', () => {
    const data = jsonModuleData(hook(plugin, 'load', '\0virtual:lesson/every-block/en'));
    expect(data).toMatchObject({ id: 'every-block', locale: 'en', title: 'Every kind of block' });
    expect(JSON.stringify(data)).not.toContain(':::');
  });

  it('fails clearly for a lesson that does not exist', () => {
    expect(() => hook(plugin, 'load', '\0virtual:lesson/missing/en')).toThrow('No lesson "missing" in "en".');
  });

  it('fails the build with every problem, each as path:line:col: message', () => {
    const broken = lessonsPlugin(BROKEN_DIR);
    let message = '';
    try {
      hook(broken, 'load', '\0virtual:course');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^6 problems in the lessons:\n/);
    for (const position of [
      'basics-one/en.md:11:34: ',
      'course.yaml:7:9: ',
      'course.yaml:8:9: ',
      'course.yaml:9:5: ',
      'no-english:1:1: ',
      'unlisted/en.md:1:1: ',
    ]) {
      expect(message).toContain(`\n${BROKEN_DIR}/${position}`);
    }
  });
});
