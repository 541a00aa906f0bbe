/** Renders a component from a chunk loaded on first use (pages other than home and lesson). */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadPageStrings, t } from '../../i18n';

type Loader<P> = () => Promise<ComponentType<P>>;

/** A component that loads `load` when first rendered, showing a quiet loading line meanwhile. */
export function lazyPage<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState<unknown>(null);
    useEffect(() => {
      if (Component) return;
      // A lazy page brings its own interface strings (see src/compiler/strings-plugin.ts).
      Promise.all([load(), loadPageStrings()]).then(
        ([component]) => {
          loaded = component;
          setComponent(() => component);
        },
        (error: unknown) => setFailed(error),
      );
    }, [Component]);
    if (failed) throw failed;
    if (!Component) return <p class="loading">{t('app.loading')}</p>;
    return <Component {...props} />;
  };
}
