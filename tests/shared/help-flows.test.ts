/** Moving through a Help now flow: each answer leads to the step it names. */
import { describe, expect, it } from 'vitest';
import { type FlowStep, type HelpFlow, stepOf } from '../../src/shared/help-flows.ts';

const question = (id: string, to: string[]): FlowStep => ({
  kind: 'question',
  id,
  html: id,
  text: id,
  more: '',
  answers: to.map((target) => ({ text: target, to: target })),
});
const ending = (id: string): FlowStep => ({
  kind: 'ending',
  id,
  title: id,
  intro: '',
  doNow: [],
  doNot: [],
  help: [],
  read: [],
});

const FLOW: HelpFlow = {
  id: 'account-hacked',
  locale: 'en',
  title: 'An account was taken over',
  summary: '',
  card: [],
  steps: [question('start', ['locked-out', 'still-in']), ending('locked-out'), ending('still-in')],
};

describe('a Help now flow', () => {
  it('leads each answer to the step it names, and an unknown name to none', () => {
    for (const id of ['start', 'locked-out', 'still-in']) expect(stepOf(FLOW, id)?.id).toBe(id);
    expect(stepOf(FLOW, 'elsewhere')).toBeUndefined();
  });
});
