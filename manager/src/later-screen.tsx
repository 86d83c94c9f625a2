// A screen fetched only when first shown: the admin screens (accounts, configuration, devices
// with its QR codes, the catalogue, the voice) stay out of the page a manager loads, which keeps
// the console light in memory through the day.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Words } from './i18n.js';

/** A component that loads `load`'s screen on first render, saying so until then. */
export function laterScreen<P extends { t: Words }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let screen: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LaterScreen(props: P) {
    const [failed, setFailed] = useState(false);
    const [, setLoaded] = useState(0);
    useEffect(() => {
      if (screen) return;
      let live = true;
      loading ??= load();
      loading.then(
        (s) => {
          screen = s;
          if (live) setLoaded((n) => n + 1);
        },
        () => {
          // A failed fetch (the hub restarting) is tried again when the screen is shown again.
          loading = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (screen) {
      const Screen = screen;
      return <Screen {...props} />;
    }
    return (
      <p class={failed ? 'message error' : 'loading'} role={failed ? 'alert' : 'status'}>
        {failed ? props.t.screenNotLoaded : props.t.screenLoading}
      </p>
    );
  };
}
