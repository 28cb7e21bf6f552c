// Partner link tokens: 32 random bytes in the link, only their SHA-256 kept, so a copy of the database
// opens no form and a token changed by one character matches nothing.
import crypto from 'node:crypto';

export const hashPartnerToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export function newPartnerToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashPartnerToken(token) };
}
