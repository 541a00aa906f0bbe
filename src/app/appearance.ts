/** Text size, colour theme and trainer mode: chosen in Settings, kept on the phone, applied to the page. */
import { progressStore } from './progress';

export const TEXT_SIZES = ['100', '115', '130', '150'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type Theme = (typeof THEMES)[number];

const TEXT_SIZE_SETTING = 'text-size';
const THEME_SETTING = 'theme';
const TRAINER_SETTING = 'trainer-mode';

export interface Appearance {
  textSize: TextSize;
  theme: Theme;
  /** Shows the trainer notes in lessons (off by default). */
  trainerMode: boolean;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Sets the page's text size and theme (see styles.css: `data-text-size`, `data-theme`). */
export function applyAppearance(appearance: Appearance): void {
  document.documentElement.dataset.textSize = appearance.textSize;
  document.documentElement.dataset.theme = appearance.theme;
  document.documentElement.dataset.trainer = appearance.trainerMode ? 'on' : 'off';
}

/** The saved appearance, or the defaults. */
export async function loadAppearance(): Promise<Appearance> {
  const store = await progressStore();
  const [textSize, theme, trainer] = await Promise.all([
    store.getSetting(TEXT_SIZE_SETTING),
    store.getSetting(THEME_SETTING),
    store.getSetting(TRAINER_SETTING),
  ]);
  return {
    textSize: pick(textSize, TEXT_SIZES, '100'),
    theme: pick(theme, THEMES, 'system'),
    trainerMode: trainer === true,
  };
}

/** Saves and applies a new appearance. */
export async function saveAppearance(appearance: Appearance): Promise<void> {
  applyAppearance(appearance);
  const store = await progressStore();
  await Promise.all([
    store.setSetting(TEXT_SIZE_SETTING, appearance.textSize),
    store.setSetting(THEME_SETTING, appearance.theme),
    store.setSetting(TRAINER_SETTING, appearance.trainerMode),
  ]);
}
