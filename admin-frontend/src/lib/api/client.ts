import { sessionStore } from '@/lib/auth/session';
import { ApiError, toApiError } from './problem';

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => {};

/** Called when the API answers 401: the session is gone, sign in again. */
export function setUnauthorizedHandler(handler: Unauthorized) {
  onUnauthorized = handler;
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const session = sessionStore.get();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  const project = sessionStore.selectedProject();
  if (session?.superadmin && project) headers['X-Project-Id'] = project;
  return headers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

/** Calls backend-api on this origin with the session's bearer token; non-2xx answers throw an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 401 && sessionStore.get()) {
    sessionStore.set(null);
    onUnauthorized();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

export { ApiError };
