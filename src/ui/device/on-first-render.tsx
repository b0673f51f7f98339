// Code that loads the first time it is needed on screen, not with the first screen.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it is rendered; nothing renders
 * until then. For parts shown only now and then (the update prompt's count of
 * unsent work needs the database's queries, which a first visit does not).
 */
export function onFirstRender<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function OnFirstRender(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      load().then((component) => {
        loaded = component;
        if (live) setLoaded(() => component);
      }, () => undefined);
      return () => { live = false; };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
