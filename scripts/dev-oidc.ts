// `npm run dev:oidc`: a real OpenID Connect provider on this computer for trying Parentis's sign-in
// through an identity provider by hand. It prints the settings to start Parentis with.
import { startIdentityProvider, testPeople, testRoleMap } from '../test/helpers/oidc-provider.ts';

const port = Number(process.env.OIDC_DEV_PORT ?? 4000);
const parentis = (process.env.PARENTIS_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const idp = await startIdentityProvider({ port, redirectUris: [`${parentis}/sign-in/oidc/callback`], postLogoutRedirectUris: [`${parentis}/sign-in?signed-out`] });
const lines = [
  `A test identity provider is running at ${idp.issuer} (Ctrl-C stops it).`,
  'Start Parentis beside it with:',
  '',
  `  OIDC_ISSUER=${idp.issuer} OIDC_CLIENT_ID=${idp.clientId} OIDC_CLIENT_SECRET=${idp.clientSecret} \\`,
  `  OIDC_ROLE_MAP='${testRoleMap}' OIDC_JIT=on OIDC_ALLOW_HTTP=on OIDC_PROVIDER_NAME='Testshire account' npm start`,
  '',
  'Sign in on its page with one of these logins (any password):',
  ...Object.entries(testPeople).map(([login, p]) => `  ${login.padEnd(6)} ${p.name.padEnd(14)} groups: ${p.groups.join(', ')}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void idp.close().then(() => process.exit(0)));
