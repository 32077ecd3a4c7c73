import { useCallback, useEffect, useRef } from 'react';

/** Returns a trigger that runs `fn` once, `ms` after the last of a burst of calls (trailing debounce). */
export function useRefreshSoon(fn: () => void, ms = 400): () => void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => { timer.current = null; fnRef.current(); }, ms);
  }, [ms]);
}
