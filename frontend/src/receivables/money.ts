/**
 * Money in the SPA: amounts arrive as exact decimal strings ("1234.50") with an ISO 4217 currency next to them.
 * Figures shown are never added as floats: sums over rows (a report's total line) use exact scaled BigInt
 * arithmetic, and amounts of different currencies are never added together.
 */

export interface Money { currency: string; amount: string }

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** The decimal string as an integer of 10^-scale units, or null when it is not a decimal. */
function scaled(amount: string, scale: number): bigint | null {
  const m = DECIMAL.exec(amount.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(scale, '0');
  if (frac.length > scale) return null;
  const v = BigInt(m[2]! + frac);
  return m[1] ? -v : v;
}

function scaleOf(amount: string): number {
  const m = DECIMAL.exec(amount.trim());
  return m?.[3]?.length ?? 0;
}

/** Exact sum of decimal strings (keeps the largest number of decimals seen). Throws on a non-decimal. */
export function addDecimals(amounts: readonly string[]): string {
  const scale = Math.max(0, ...amounts.map(scaleOf));
  let total = 0n;
  for (const a of amounts) {
    const v = scaled(a, scale);
    if (v === null) throw new Error(`not a decimal amount: ${a}`);
    total += v;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

/** Totals per currency, currencies in alphabetical order; amounts of one currency only ever add to each other. */
export function totalsByCurrency(items: readonly Money[]): Money[] {
  const groups = new Map<string, string[]>();
  for (const { currency, amount } of items) {
    const list = groups.get(currency) ?? [];
    list.push(amount);
    groups.set(currency, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amounts]) => ({ currency, amount: addDecimals(amounts) }));
}

export function isZero(amount: string): boolean {
  return scaled(amount, scaleOf(amount)) === 0n;
}

/**
 * "DKK 1,234.50" in the reader's locale. Intl formats the decimal string itself (no float round trip), so
 * 0.1 + 0.2 style errors cannot show up.
 */
export function formatMoney(m: Money, locale?: string): string {
  try {
    // Intl.NumberFormat accepts a decimal string and keeps its exact value (ES2023 NumberFormat v3).
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, currencyDisplay: 'code' })
      .format(m.amount as unknown as number);
  } catch {
    return `${m.currency} ${m.amount}`;
  }
}

/** "DKK 100.00 · EUR 20.00", or the `none` text when there is nothing. */
export function formatTotals(items: readonly Money[], none = '—', locale?: string): string {
  const shown = items.filter((m) => !isZero(m.amount));
  return shown.length ? shown.map((m) => formatMoney(m, locale)).join(' · ') : none;
}

/** A float for drawing (bar lengths) only, never for a figure shown as text. */
export function toNumber(amount: string): number {
  const n = Number(amount);
  return Number.isFinite(n) ? n : 0;
}

/** Whether `amount` is a positive decimal with at most `places` decimals (what a form accepts). */
export function validAmount(amount: string, places = 2): boolean {
  const a = amount.trim();
  const re = places > 0 ? new RegExp(`^\\d+(?:\\.\\d{1,${places}})?$`) : /^\d+$/;
  if (!re.test(a)) return false;
  return !isZero(a);
}

/** Digits after the decimal point for a currency (EUR 2, JPY 0, KWD 3), from the browser's ISO 4217 data. */
export function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "100.000" EUR → "100.00": drops trailing zero decimals beyond the currency's minor unit (never a digit that counts). */
export function trimAmount(amount: string, currency: string): string {
  const places = minorUnits(currency);
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return amount;
  let frac = m[2] ?? '';
  while (frac.length > places && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac ? `${m[1]}.${frac}` : m[1]!;
}
