/** Checks of the accept / decline steps, before a code is requested or an acceptance sent (the server checks again). */
import type { QuoteStrings } from './i18n';

export interface AcceptFields {
  fullName: string;
  email: string;
  code: string;
}

/** A 6-digit code as typed or pasted ("123 456", "123-456"): the digits, or null when it is not 6 of them. */
export function normalizeCode(v: string): string | null {
  const digits = v.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What must be filled before asking for a code: a public-link visitor gives a name and an email; a contact
 *  is known, their code goes to their own address. */
export function requestCodeErrors(f: AcceptFields, visitor: boolean, t: QuoteStrings): Partial<Record<keyof AcceptFields, string>> {
  const e: Partial<Record<keyof AcceptFields, string>> = {};
  if (visitor) {
    if (!isFullName(f.fullName)) e.fullName = t.needName;
    if (!EMAIL.test(f.email.trim())) e.email = t.needEmail;
  }
  return e;
}

export function acceptErrors(f: AcceptFields, visitor: boolean, t: QuoteStrings): Partial<Record<keyof AcceptFields, string>> {
  const e = requestCodeErrors(f, visitor, t);
  if (!isFullName(f.fullName)) e.fullName = t.needName;
  if (!normalizeCode(f.code)) e.code = t.needCode;
  return e;
}

/** A full name: at least two characters that are not spaces (one word is fine: some people have one name). */
export function isFullName(v: string): boolean {
  return v.trim().replace(/\s+/g, ' ').length >= 2;
}
