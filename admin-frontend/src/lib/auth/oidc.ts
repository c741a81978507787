import type { AuthConfig } from '@/lib/config';
import type { Session } from './session';

type CognitoConfig = Extract<AuthConfig, { mode: 'cognito' }>;

/** Cognito hosted UI via OIDC authorization code + PKCE (oidc-client-ts), loaded only when configured. */
async function manager(config: CognitoConfig) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    redirect_uri: config.redirect_uri ?? `${window.location.origin}/auth/callback`,
    post_logout_redirect_uri: config.logout_uri ?? `${window.location.origin}/sign-in`,
    response_type: 'code',
    scope: config.scope ?? 'openid email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function startCognitoSignIn(config: CognitoConfig, returnTo: string) {
  const users = await manager(config);
  await users.signinRedirect({ state: { returnTo } });
}

/** Completes the redirect; returns the session and the page to go back to. */
export async function completeCognitoSignIn(config: CognitoConfig): Promise<{ session: Session; returnTo: string }> {
  const users = await manager(config);
  const user = await users.signinRedirectCallback();
  const token = config.token === 'access_token' ? user.access_token : (user.id_token ?? user.access_token);
  const state = user.state as { returnTo?: string } | undefined;
  return {
    session: {
      token,
      expiresAt: (user.expires_at ?? Math.floor(Date.now() / 1000) + 3600) * 1000,
      email: typeof user.profile.email === 'string' ? user.profile.email : undefined,
    },
    returnTo: state?.returnTo ?? '/',
  };
}

export async function cognitoSignOut(config: CognitoConfig) {
  const users = await manager(config);
  await users.signoutRedirect();
}
