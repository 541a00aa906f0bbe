/** Interface strings are typed: `t()` accepts only keys that exist in locales/en.json. */
import 'i18next';
import type en from '../../locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}
