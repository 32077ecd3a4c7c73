import type { ImportField } from '../gql/graphql';

/** What each field a file column can be mapped to is called in the wizard, in the export's column order. */
export const IMPORT_FIELDS: readonly { field: ImportField; label: string; hint?: string }[] = [
  { field: 'EXTERNAL_REF', label: 'External reference', hint: 'required: re-imports match on it' },
  { field: 'CUSTOMER_NAME', label: 'Customer name' },
  { field: 'CUSTOMER_KIND', label: 'Kind (COMPANY / PERSON)' },
  { field: 'CUSTOMER_HUB_ACCESS', label: 'Customer hub access (yes / no)' },
  { field: 'CONTACT_FIRST_NAME', label: 'Contact first name' },
  { field: 'CONTACT_LAST_NAME', label: 'Contact last name' },
  { field: 'CONTACT_EMAIL', label: 'Contact email' },
  { field: 'CONTACT_HUB_ACCESS', label: 'Contact hub access (yes / no)' },
];

export type Mapping = Record<string, ImportField | ''>;

export function fieldLabel(field: ImportField | null | undefined): string {
  return IMPORT_FIELDS.find((f) => f.field === field)?.label ?? '';
}

/** The server's (suggested or used) mapping as one choice per file column ('' = not imported). */
export function mappingFor(columns: readonly string[], used: readonly { column: string; field: ImportField }[]): Mapping {
  const m: Mapping = {};
  for (const c of columns) m[c] = used.find((u) => u.column === c)?.field ?? '';
  return m;
}

/** Choosing a field for one column takes it away from the column that had it (a field maps from one column). */
export function choose(mapping: Mapping, column: string, field: ImportField | ''): Mapping {
  const next: Mapping = {};
  for (const [c, f] of Object.entries(mapping)) next[c] = field && f === field ? '' : f;
  next[column] = field;
  return next;
}

export function toInput(mapping: Mapping): { column: string; field: ImportField }[] {
  return Object.entries(mapping).flatMap(([column, field]) => (field ? [{ column, field }] : []));
}

export function sameMapping(a: Mapping, b: Mapping): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** The export's URL for the list's current filters (the same parameters as the customers query). */
export function exportUrl(format: 'csv' | 'xlsx', filters: { search?: string | null; kind?: string | null; hubAccess?: boolean | null; accountManagerId?: string | null }): string {
  const p = new URLSearchParams({ format });
  if (filters.search) p.set('search', filters.search);
  if (filters.kind) p.set('kind', filters.kind);
  if (filters.hubAccess != null) p.set('hubAccess', String(filters.hubAccess));
  if (filters.accountManagerId) p.set('accountManagerId', filters.accountManagerId);
  return `/customers/export?${p.toString()}`;
}
