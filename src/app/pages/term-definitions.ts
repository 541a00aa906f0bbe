/**
 * Glossary terms in lesson text are buttons (compiled from `[words](term:id)` links). Pressing one
 * shows its definition right after it, and pressing again hides it; `aria-expanded` follows.
 */
import type { Glossary } from '../../shared/types';

/** Handles a click anywhere in lesson text; returns true when it was on a term button. */
export function toggleTermDefinition(
  target: EventTarget | null,
  glossary: () => Promise<Glossary | null>,
): boolean {
  const button = target instanceof Element ? target.closest<HTMLButtonElement>('button.term') : null;
  if (!button) return false;
  const id = button.dataset.term ?? '';
  const shown = button.nextElementSibling;
  if (shown?.classList.contains('term-definition')) {
    shown.remove();
    button.setAttribute('aria-expanded', 'false');
    return true;
  }
  void glossary().then((loaded) => {
    const term = loaded?.terms.find((candidate) => candidate.id === id);
    if (!term || button.getAttribute('aria-expanded') === 'true') return;
    const box = document.createElement('span');
    box.className = 'term-definition';
    box.id = `definition-${id}-${Math.random().toString(36).slice(2, 8)}`;
    box.setAttribute('role', 'note');
    box.lang = loaded?.locale ?? '';
    const name = document.createElement('strong');
    name.textContent = `${term.term}: `;
    // The definition is compiled, escaped HTML; shown inline, so its paragraphs become plain text.
    const body = document.createElement('span');
    body.innerHTML = term.html;
    box.append(name, body.textContent?.trim() ?? '');
    button.after(box);
    button.setAttribute('aria-controls', box.id);
    button.setAttribute('aria-expanded', 'true');
  });
  return true;
}
