/** A redirect-based sign-in (an OpenID Connect provider, `GET /auth/callback/<provider>`) that did not work comes
 *  back to the sign-in page with `?error=<code>`: the page says so in words. */
const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: 'Signing in through your identity provider did not work: it did not confirm who you are. Try again, or sign in with your password.',
  UNKNOWN_PROVIDER: 'That way of signing in is not available. Sign in with your password.',
  TOO_MANY_ATTEMPTS: 'Too many attempts to sign in. Wait a few minutes and try again.',
};

export function providerError(code: string | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Signing in through your identity provider did not work. Try again, or sign in with your password.';
}
