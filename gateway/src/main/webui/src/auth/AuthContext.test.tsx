import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider, useAuth } from './AuthContext';
import { load, store } from './session';
import { fakeFetch } from '../test/render';

/** An unsigned JWT naming the user and expiry, as the gateway's would (the UI reads, never checks, its payload). */
function jwt(user: string, expiresAt: number): string {
  const payload = btoa(JSON.stringify({ upn: user, exp: Math.floor(expiresAt / 1000) }));
  return `e30.${payload}.sig`;
}

function WhoIsSignedIn() {
  const { user, reason } = useAuth();
  return <p>{user ? `${user.username} ${user.token}` : `signed out ${reason}`}</p>;
}

const MINUTE = 60_000;

describe('the session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('renews the 15-minute access token a minute before it ends, with the refresh token', async () => {
    const now = Date.now();
    const first = jwt('mia', now + 15 * MINUTE);
    store({ token: first, username: 'mia', roles: ['manager'], expiresAt: now + 15 * MINUTE, refreshToken: 'r1',
      sessionEndsAt: now + 8 * 60 * MINUTE });
    const second = jwt('mia', now + 29 * MINUTE);
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/refresh': new Response(JSON.stringify({ access_token: second, token_type: 'Bearer',
        expires_in: 900, refresh_token: 'r2', refresh_expires_in: 7 * 3600, roles: ['manager'] }), { status: 200 }),
    });
    vi.stubGlobal('fetch', fetch);
    render(<AuthProvider><WhoIsSignedIn /></AuthProvider>);
    expect(screen.getByText(`mia ${first}`)).toBeInTheDocument();

    await act(async () => { await vi.advanceTimersByTimeAsync(13 * MINUTE); });
    expect(calls).toHaveLength(0);
    await act(async () => { await vi.advanceTimersByTimeAsync(1.5 * MINUTE); });
    expect(calls.map((call) => [call.url, call.body])).toEqual([['/api/v1/auth/refresh', { refresh_token: 'r1' }]]);
    expect(screen.getByText(`mia ${second}`)).toBeInTheDocument();
    expect(load()?.refreshToken).toBe('r2');
  });

  it('ends when a refresh is refused, and says why', async () => {
    const now = Date.now();
    store({ token: jwt('mia', now + 2 * MINUTE), username: 'mia', roles: ['viewer'], expiresAt: now + 2 * MINUTE,
      refreshToken: 'revoked', sessionEndsAt: now + 60 * MINUTE });
    const { fetch } = fakeFetch({
      'POST /api/v1/auth/refresh': new Response(JSON.stringify({ error: 'unauthorized', message: 'sign in again',
        code: 'INVALID_REFRESH_TOKEN' }), { status: 401 }),
    });
    vi.stubGlobal('fetch', fetch);
    render(<AuthProvider><WhoIsSignedIn /></AuthProvider>);
    await act(async () => { await vi.advanceTimersByTimeAsync(2 * MINUTE); });
    expect(screen.getByText('signed out expired')).toBeInTheDocument();
    expect(load()).toBeNull();
  });
});
