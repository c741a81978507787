import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** The users of the stand-in identity provider, with the claims Cognito puts in an ID token. */
const accounts: Record<string, { email: string; groups: string[]; project: string }> = {
  'owner@clinic.test': { email: 'owner@clinic.test', groups: ['owner'], project: 'demo' },
  'staff@clinic.test': { email: 'staff@clinic.test', groups: ['staff'], project: 'demo' },
};

export const OIDC_CLIENT_ID = 'console';

/**
 * A local OpenID Connect provider standing in for Cognito's hosted UI (panva's oidc-provider, a certified
 * implementation): authorization code with PKCE required, a public client (no secret, as a browser app is),
 * RS256 ID tokens carrying `email`, `cognito:groups` and `custom:project_id` as Cognito's do, and its own
 * sign-in and consent pages. backend-api verifies the tokens through the issuer's discovery document and JWKS,
 * as it does Cognito's.
 */
export async function startOidcProvider(port: number, consoleOrigin: string): Promise<{ issuer: string; close: () => Promise<void> }> {
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${consoleOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${consoleOrigin}/sign-in`],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'cognito:groups', 'custom:project_id'] },
    conformIdTokenClaims: false, // Cognito puts the user's claims in the ID token itself
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: true,
            'cognito:groups': account.groups,
            'custom:project_id': account.project,
          };
        },
      };
    },
  });
  provider.proxy = false;
  const server: Server = await new Promise((ready) => {
    const listening = provider.listen(port, () => ready(listening));
  });
  return {
    issuer,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
