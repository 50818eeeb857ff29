// The signed-in user: the token in session storage (this tab only, gone when it closes; never a cookie), with the
// name and expiry read from the token itself.
export interface SignedIn {
  token: string;
  username: string;
  roles: string[];
  expiresAt: number;
}

const KEY = 'serialgen.session';

export function load(): SignedIn | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return null;
    const session = JSON.parse(stored) as SignedIn;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function store(session: SignedIn | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
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
