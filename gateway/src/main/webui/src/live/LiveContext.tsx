import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { load } from '../auth/session';
import { subscribe } from '../api/liveEvents';
import type { LiveEvent } from '../api/types';

type Listener = (event: LiveEvent) => void;

interface Live {
  connected: boolean;
  /** calls `listener` with every generation event from now on; returns the way to stop */
  listen(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ connected: false, listen: () => () => undefined });

/** One live stream for the whole app, shared by every screen that shows generation state. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  useEffect(() => subscribe(() => load()?.token ?? null,
    (event) => listeners.current.forEach((listener) => listener(event)), setConnected), []);
  const value = useRef<Live>({
    connected: false,
    listen: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  });
  return <LiveContext.Provider value={{ ...value.current, connected }}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}

/** Calls `onEvent` with each live event while the component is shown. */
export function useLiveEvents(onEvent: Listener): boolean {
  const live = useLive();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => live.listen((event) => latest.current(event)), [live.listen]);
  return live.connected;
}
