import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint: a component of any props
type AnyPage = ComponentType<any>;

/**
 * A page loaded as its own chunk the first time its route is shown (React.lazy over a named
 * export): the first screen's code, and so the first paint, does not grow with every page.
 * The service worker precaches every chunk, so a lazy page opens offline too.
 */
export function lazyPage<M extends Record<N, AnyPage>, N extends keyof M & string>(load: () => Promise<M>, name: N): LazyExoticComponent<M[N]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** What shows while a page's chunk loads: the same status line as the app's own start. */
export function PageSuspense({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
