// The rule for a new password: long enough, not a common or breached password, not the person's own name or address.
import { createRequire } from 'node:module';
import type * as Core from '@zxcvbn-ts/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';

// The estimator and its word lists are loaded when first needed, not with every process: most
// processes (each command, each test file) never set a password, and loading them takes a moment.
const require = createRequire(import.meta.url);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * zxcvbn's score from 0 to 4: 3 means at least 10^8 guesses, beyond reach of an online attack and,
 * with scrypt's cost per guess, of an offline one on a stolen copy of the database.
 */
const MIN_SCORE = 3;

/** Words anyone attacking Parentis would try first (the product, the demonstration authority). */
const SITE_WORDS = ['parentis', 'westmere', 'demo', 'children', 'council'];

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the word lists takes a moment and most processes never set a password. */
function strength(): ZxcvbnFactory {
  if (estimator !== undefined) return estimator;
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof Core;
  const common = require('@zxcvbn-ts/language-common') as typeof Common;
  const en = require('@zxcvbn-ts/language-en') as typeof En;
  estimator = new Factory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** The parts of a name and an e-mail address a person might build a password from ("jo", "bloggs", "westmere"). */
function personalWords(person: { name?: string; email?: string }): string[] {
  const words = [person.name ?? '', person.email ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  return [...new Set(words)];
}

/**
 * Why a new password would not do, or null when it will. The message says which field and why, for
 * a form, the command line and the API alike. Checked offline: zxcvbn's lists of common and breached
 * passwords, words and names, keyboard patterns and dates, plus the person's own name and address.
 */
export function checkNewPassword(password: string, person: { name?: string; email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const own = personalWords(person);
  const lower = password.toLowerCase();
  if (own.some((w) => lower.includes(w))) return 'The password must not contain the person’s name or e-mail address: choose one nobody could guess from them';
  const result = strength().check(password, [...own, ...SITE_WORDS]);
  const commonPassword = result.sequence.some((m) => m.pattern === 'dictionary' && String(m.dictionaryName).startsWith('passwords'));
  if (result.score >= MIN_SCORE) return null;
  if (commonPassword) return 'The password is one of the most common or leaked passwords, which are tried first: choose another, such as three or four unrelated words';
  const hint = result.feedback.warning === null ? '' : ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})`;
  return `The password is too easy to guess${hint}: choose a longer one, such as three or four unrelated words`;
}
