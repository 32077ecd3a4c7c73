import { useEffect, useState } from 'react';

/**
 * A value shown optimistically: set() changes it at once; whenever the server's value
 * changes (or a save fails and the caller resets), it follows the server again.
 */
export function useServerValue<T>(server: T, key: string = JSON.stringify(server)): [T, (v: T) => void, () => void] {
  const [local, setLocal] = useState<{ v: T; key: string } | null>(null);
  useEffect(() => setLocal(null), [key]);
  return [local ? local.v : server, (v: T) => setLocal({ v, key }), () => setLocal(null)];
}
