import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bindSession } from '../api/client';
import { auth } from '../api/endpoints';
import { may, type Capability } from './roles';
import { load, refreshDelay, sessionOf, store, type SignedIn } from './session';

interface Auth {
  user: SignedIn | null;
  /** why the user was sent back to sign in: 'expired' after a 401 or the token's end */
  reason: 'expired' | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  can(capability: Capability): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedIn | null>(() => load());
  const [reason, setReason] = useState<'expired' | null>(null);

  const end = useCallback((why: 'expired' | null) => {
    store(null);
    setUser(null);
    setReason(why);
  }, []);

  // bound while rendering, not in an effect: the pages' effects (their first calls) run before this one's would
  useState(() => bindSession({ token: () => load()?.token ?? null, expired: () => end('expired') }));

  // shortly before the access token ends it is renewed, until the session ends: then, or when a refresh is refused,
  // the user signs in again
  useEffect(() => {
    if (!user) return undefined;
    let cancelled = false;
    const renew = setTimeout(() => {
      auth.refresh(user.refreshToken).then((answer) => {
        if (cancelled) return;
        const next = sessionOf(answer, user.username);
        store(next);
        setUser(next);
      }, () => { if (!cancelled) end('expired'); });
    }, refreshDelay(user));
    const over = setTimeout(() => end('expired'), Math.max(0, user.sessionEndsAt - Date.now()));
    return () => {
      cancelled = true;
      clearTimeout(renew);
      clearTimeout(over);
    };
  }, [user, end]);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = sessionOf(await auth.token(username, password), username);
    store(session);
    setReason(null);
    setUser(session);
  }, []);

  const value = useMemo<Auth>(() => ({
    user,
    reason,
    signIn,
    signOut: () => end(null),
    can: (capability) => !!user && may(user.roles, capability),
  }), [user, reason, signIn, end]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
