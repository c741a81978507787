import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '@/lib/auth/session';
import { ApiError, toApiError } from './problem';
import type { paths } from './schema';

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

const session: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) request.headers.set(name, value);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401 && sessionStore.get()) {
      sessionStore.set(null);
      onUnauthorized();
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  },
};

/**
 * The typed API client: paths, parameters and bodies come from backend-api's OpenAPI document,
 * so a call that no longer matches the API fails the type check. Non-2xx answers throw an ApiError.
 */
export const client = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  // looked up per call, so network-level mocks installed later (tests) see every request
  fetch: (request) => globalThis.fetch(request),
});
client.use(session);

/** The body of a successful openapi-fetch call (errors were thrown by the middleware). */
export async function data<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data: body } = await call;
  return body as T;
}
