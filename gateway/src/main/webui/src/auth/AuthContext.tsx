import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bindSession } from '../api/client';
import { auth } from '../api/endpoints';
import { may, type Capability } from './roles';
import { claims, load, store, type SignedIn } from './session';

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

  useEffect(() => {
    if (!user) return undefined;
    const timer = setTimeout(() => end('expired'), Math.max(0, user.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [user, end]);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await auth.token(username, password);
    const named = claims(answer.access_token);
    const session: SignedIn = {
      token: answer.access_token,
      username: named.username || username,
      roles: answer.roles,
      expiresAt: named.expiresAt ?? Date.now() + answer.expires_in * 1000,
    };
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
