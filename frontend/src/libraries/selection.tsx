import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export interface SelectedPublication {
  id: string;
  title: string;
  contentType: string;
  sizeBytes: number;
  libraryName: string;
}

interface SelectionValue {
  items: SelectedPublication[];
  count: number;
  has: (id: string) => boolean;
  toggle: (p: SelectedPublication) => void;
  add: (ps: SelectedPublication[]) => void;
  remove: (id: string) => void;
  clear: () => void;
}

const KEY = 'portico.selection';
const Ctx = createContext<SelectionValue | null>(null);

function load(): SelectedPublication[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SelectedPublication[]) : [];
  } catch {
    return [];
  }
}

/** The rep's running selection of publications across libraries; survives reloads in this tab. */
export function SelectionProvider({ children, initial }: { children: ReactNode; initial?: SelectedPublication[] }) {
  const [items, setItems] = useState<SelectedPublication[]>(() => initial ?? load());
  useEffect(() => {
    try { sessionStorage.setItem(KEY, JSON.stringify(items)); } catch { /* storage full or disabled */ }
  }, [items]);
  const toggle = useCallback((p: SelectedPublication) => {
    setItems((cur) => (cur.some((x) => x.id === p.id) ? cur.filter((x) => x.id !== p.id) : [...cur, p]));
  }, []);
  const add = useCallback((ps: SelectedPublication[]) => {
    setItems((cur) => [...cur, ...ps.filter((p) => !cur.some((x) => x.id === p.id))]);
  }, []);
  const remove = useCallback((id: string) => setItems((cur) => cur.filter((x) => x.id !== id)), []);
  const clear = useCallback(() => setItems([]), []);
  const value = useMemo<SelectionValue>(() => {
    const ids = new Set(items.map((i) => i.id));
    return { items, count: items.length, has: (id) => ids.has(id), toggle, add, remove, clear };
  }, [items, toggle, add, remove, clear]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSelection(): SelectionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSelection outside SelectionProvider');
  return v;
}
