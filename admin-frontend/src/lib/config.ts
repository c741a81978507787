/** Runtime configuration read from `/config.json` beside the static files (one build serves every environment). */
export type AuthConfig =
  | { mode: 'local' }
  | {
      mode: 'cognito';
      authority: string;
      client_id: string;
      redirect_uri?: string;
      scope?: string;
      /** Which Cognito token goes to the API as the bearer; the ID token carries the custom project claim. */
      token?: 'id_token' | 'access_token';
      logout_uri?: string;
    };

export interface RuntimeConfig {
  auth: AuthConfig;
}

const fallback: RuntimeConfig = { auth: { mode: 'local' } };

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  try {
    const response = await fetchImpl('/config.json', { cache: 'no-store' });
    if (!response.ok) return fallback;
    const body = (await response.json()) as Partial<RuntimeConfig>;
    if (body.auth?.mode === 'cognito' && body.auth.authority && body.auth.client_id) {
      return { auth: body.auth };
    }
    return fallback;
  } catch {
    return fallback;
  }
}
