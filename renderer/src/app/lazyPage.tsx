import { lazy, useState, type ComponentType } from 'react';

export interface LazyPage<P> {
  (props: P): React.ReactNode;
  /** Starts loading the page's code (once); the route being opened calls it before React renders. */
  preload: () => Promise<unknown>;
  /** Whether its code has arrived (or failed to: the Suspense round then shows the failure). */
  isReady: () => boolean;
}

/**
 * A screen whose code is its own chunk, loaded when its route is first opened
 * (or preloaded): the app's first chunk then holds only the shell. A page whose
 * code has already arrived renders at once, without a Suspense round.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  let failed = false;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        failed = true;
        throw error;
      },
    ));
  const Suspending = lazy(async () => ({ default: await preload() }));
  function Page(props: P) {
    // Chosen once per mount: switching component types later would remount the page and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return <Component {...props} />;
  }
  Page.preload = preload;
  Page.isReady = () => loaded !== undefined || failed;
  return Page;
}
