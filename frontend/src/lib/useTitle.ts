import { useEffect } from 'react';

export function useTitle(title: string | null | undefined, suffix = 'Portico') {
  useEffect(() => {
    if (title) document.title = `${title} · ${suffix}`;
  }, [title, suffix]);
}
