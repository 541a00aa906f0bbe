import { describe, expect, it, vi } from 'vitest';
import { withFallback } from '../../src/storage/fallback';
import { createMemoryStore } from '../../src/storage/memory';
import { answer } from './helpers';

describe('withFallback', () => {
  it('releases the primary store once, only after copying what could be read from it', async () => {
    const primary = createMemoryStore({ now: () => 5 });
    await primary.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    const steps: string[] = [];
    const snapshot = primary.snapshot;
    primary.snapshot = async () => {
      const copy = await snapshot();
      steps.push('copied');
      return copy;
    };
    const onSwitch = vi.fn();
    const { store, switchToMemory } = withFallback(primary, {
      onSwitch,
      release: () => steps.push('released'),
    });

    await switchToMemory({ kind: 'blocking' });
    await switchToMemory({ kind: 'memory', reason: 'failed' });
    await store.getAnswers('passwords');

    expect(steps).toEqual(['copied', 'released']);
    expect(onSwitch.mock.calls).toEqual([[{ kind: 'blocking' }]]);
    expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1', answeredAt: 5 }]);
  });

  it('switches a primary store that needs no releasing', async () => {
    const primary = createMemoryStore();
    await primary.setSetting('locale', 'ur');
    const { store, switchToMemory } = withFallback(primary, { onSwitch: () => {} });

    await switchToMemory({ kind: 'memory', reason: 'failed' });
    await primary.setSetting('locale', 'hi');

    expect(await store.getSetting('locale')).toBe('ur');
  });
});
