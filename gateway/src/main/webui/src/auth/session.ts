import type { Token } from '../api/types';

// The signed-in user: the tokens in session storage (this tab only, gone when it closes; never a cookie), with the
// name and expiry read from the access token itself. The access token is short-lived; the refresh token renews it
// until the session ends.
export interface SignedIn {
  token: string;
  username: string;
  roles: string[];
  expiresAt: number;
  refreshToken: string;
  sessionEndsAt: number;
}

const KEY = 'serialgen.session';

/** The stored session while it lasts, even when its access token has run out (a refresh renews that). */
export function load(): SignedIn | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return null;
    const session = JSON.parse(stored) as SignedIn;
    return session.sessionEndsAt > Date.now() && typeof session.refreshToken === 'string' ? session : null;
  } catch {
    return null;
  }
}

export function store(session: SignedIn | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** The session a token answer makes; `fallbackName` where the token names nobody. */
export function sessionOf(answer: Token, fallbackName: string, now = Date.now()): SignedIn {
  const named = claims(answer.access_token);
  return {
    token: answer.access_token,
    username: named.username || fallbackName,
    roles: answer.roles,
    expiresAt: named.expiresAt ?? now + answer.expires_in * 1000,
    refreshToken: answer.refresh_token,
    sessionEndsAt: now + answer.refresh_expires_in * 1000,
  };
}

/** How long before its access token ends a session is refreshed: a minute, or a tenth of a short token's life. */
export function refreshDelay(session: SignedIn, now = Date.now()): number {
  const left = session.expiresAt - now;
  return Math.max(0, left - Math.min(60_000, left / 10));
}

/** The user and expiry a JWT names (its payload is base64url JSON; the gateway checks the signature, not us). */
export function claims(token: string): { username: string; expiresAt: number | null } {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(decodeURIComponent(escape(atob(payload)))) as { upn?: string; sub?: string; exp?: number };
    return { username: json.upn ?? json.sub ?? '', expiresAt: json.exp ? json.exp * 1000 : null };
  } catch {
    return { username: '', expiresAt: null };
  }
}
