import type { ErrorBody } from './types';

/** An answer other than 2xx, with the spec's error body (or one made up when the body is not one). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  /** The server's messages for one field (its `details` key), or none. */
  field(name: string): string[] {
    return this.body.details?.[name] ?? [];
  }
}

/** Where the client gets the bearer token, and what it does when the server says it is no longer good. */
export interface Session {
  token(): string | null;
  expired(): void;
}

let session: Session = { token: () => null, expired: () => undefined };

export function bindSession(next: Session): void {
  session = next;
}

export const API = '/api/v1/serial-generation/';

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** send the body as is (a file's text), with this content type */
  raw?: { content: BodyInit; type: string };
}

export function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  Object.entries(query ?? {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  });
  const text = params.toString();
  return (path.startsWith('/') ? path : API + path) + (text ? `?${text}` : '');
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.type;
    body = options.raw.content;
  } else if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url(path, options.query), {
    method: options.method ?? 'GET', headers, body, signal: options.signal, credentials: 'same-origin',
  });
  if (response.ok) return response;
  const error = new ApiError(response.status, await errorBody(response));
  if (response.status === 401 && token) session.expired();
  throw error;
}

async function errorBody(response: Response): Promise<ErrorBody> {
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string') return body as ErrorBody;
  } catch {
    // not JSON: described below
  }
  return { error: 'http_' + response.status, message: response.statusText || `HTTP ${response.status}` };
}

/** A JSON answer. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A JSON answer with the headers (ETag). */
export async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<[T, Headers]> {
  const response = await send(path, options);
  return [(await response.json()) as T, response.headers];
}

/** A download: fetched with the token (a link cannot carry it), then handed to the browser as a file. */
export async function download(path: string, query: RequestOptions['query'], fallbackName: string): Promise<void> {
  const response = await send(path, { query, headers: { Accept: '*/*' } });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A fresh key for a generation request: one per dialog, so a double click starts one task. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
