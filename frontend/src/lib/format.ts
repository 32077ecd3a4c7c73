export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function timeAgo(iso: string, now: number = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 7) return `${d} d ago`;
  return formatDate(iso);
}

export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';
}

export function fileKind(contentType: string, name = ''): { label: string; cls: string } {
  const ct = contentType.toLowerCase();
  if (ct === 'application/pdf' || name.toLowerCase().endsWith('.pdf')) return { label: 'PDF', cls: '' };
  if (ct.startsWith('image/')) return { label: ct.split('/')[1]!.slice(0, 4).toUpperCase(), cls: 'img' };
  if (ct.includes('word') || ct.includes('document') || ct.includes('text')) return { label: 'DOC', cls: 'doc' };
  const ext = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
  return { label: ext, cls: 'other' };
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk', no: 'Norsk', de: 'Deutsch', nl: 'Nederlands', fr: 'Français',
  es: 'Español', it: 'Italiano', fi: 'Suomi', pl: 'Polski', pt: 'Português',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ? `${LANGUAGE_NAMES[code]} (${code})` : code;
}
