/** compileCourse on fixture folders: order from course.yaml, texts, and course-level errors. */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { formatError, sortErrors } from '../../src/compiler/errors.ts';
import { BROKEN_DIR, VALID_DIR } from './helpers.ts';

describe('compileCourse on a valid folder', () => {
  const course = compileCourse(VALID_DIR);

  it('reports no errors', () => {
    expect(course.errors.map(formatError)).toEqual([]);
  });

  it('orders modules and lessons as course.yaml does, not as the folders sort', () => {
    expect(course.modules).toEqual([
      { id: 'basics', lessons: ['first-steps'] },
      { id: 'practice', lessons: ['every-block'] },
    ]);
    expect(course.entries.map((entry) => entry.id)).toEqual(['first-steps', 'every-block']);
  });

  it('gives each entry its module, level, minutes, ids and languages', () => {
    expect(course.entries).toEqual([
      {
        id: 'first-steps',
        module: 'basics',
        level: 'beginner',
        minutes: 5,
        questions: ['ready'],
        checklist: ['begin'],
        locales: ['en'],
      },
      {
        id: 'every-block',
        module: 'practice',
        level: 'intermediate',
        minutes: 12,
        questions: ['lock', 'metadata', 'reuse'],
        checklist: ['count', 'manager'],
        locales: ['en'],
      },
    ]);
  });

  it('has the English titles and summaries of modules and lessons', () => {
    expect(course.texts.get('en')).toEqual({
      modules: {
        basics: { title: 'The basics', locale: 'en' },
        practice: { title: 'Practice', locale: 'en' },
      },
      lessons: {
        'first-steps': {
          title: 'First steps',
          summary: 'Where to start, and what this course covers.',
          locale: 'en',
        },
        'every-block': {
          title: 'Every kind of block',
          summary: 'One short lesson that uses every block, every question type and every kind of link.',
          locale: 'en',
        },
      },
    });
  });

  it('keeps every compiled lesson by id and language', () => {
    expect(course.lessons.get('first-steps')?.get('en')?.title).toBe('First steps');
    expect(course.lessons.get('every-block')?.get('en')?.blocks.length).toBeGreaterThan(0);
  });

  it('lists every file it read, so the dev server can watch them', () => {
    expect(course.files.map((file) => file.replaceAll('\\', '/'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/course-valid\/course\.yaml$/),
        expect.stringMatching(/course-valid\/first-steps\/en\.md$/),
        expect.stringMatching(/course-valid\/every-block\/en\.md$/),
      ]),
    );
  });
});

describe('compileCourse on a broken folder', () => {
  const course = compileCourse(BROKEN_DIR);
  const errors = sortErrors(course.errors).map(formatError);
  const yaml = `${BROKEN_DIR}/course.yaml`;

  it('reports a course.yaml entry with no folder at its line and column', () => {
    expect(errors).toContain(`${yaml}:7:9: lesson "ghost" is listed but there is no folder ghost/`);
  });

  it('reports a lesson listed twice at its second listing', () => {
    expect(errors).toContain(`${yaml}:8:9: lesson "basics-one" is listed twice`);
  });

  it('reports a module without a title at the module', () => {
    expect(errors).toContainEqual(
      expect.stringMatching(/course\.yaml:9:5: a module needs a title in English/),
    );
  });

  it('reports a lesson folder that course.yaml does not list, in its en.md', () => {
    expect(errors).toContain(
      `${BROKEN_DIR}/unlisted/en.md:1:1: lesson "unlisted" is not listed in course.yaml`,
    );
  });

  it('reports a lesson folder without en.md', () => {
    expect(errors).toContain(`${BROKEN_DIR}/no-english:1:1: no en.md in this lesson folder`);
  });

  it("reports the lessons' own errors with their file paths", () => {
    expect(errors).toContain(
      `${BROKEN_DIR}/basics-one/en.md:11:34: link to a lesson that does not exist: "ghost"`,
    );
  });

  it('reports each problem once, and nothing else, in file and line order', () => {
    expect(errors.map((error) => error.slice(BROKEN_DIR.length + 1).replace(/: .*/, ''))).toEqual([
      'basics-one/en.md:11:34',
      'course.yaml:7:9',
      'course.yaml:8:9',
      'course.yaml:9:5',
      'no-english:1:1',
      'unlisted/en.md:1:1',
    ]);
  });
});

describe('compileCourse on a folder that does not exist', () => {
  it('reports the missing folder instead of throwing', () => {
    const course = compileCourse(`${BROKEN_DIR}/no-such-folder`);
    expect(course.errors.map(formatError)).toEqual([
      `${BROKEN_DIR}/no-such-folder:1:1: the lessons folder does not exist`,
    ]);
    expect(course.entries).toEqual([]);
  });
});
