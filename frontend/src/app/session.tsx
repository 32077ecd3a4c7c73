import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import { createApiClient, SESSION_CHECK_EVENT, type ApiClient } from '../lib/client';
import { MeQuery } from './operations';
import type { MeQuery as MeQueryResult } from '../gql/graphql';

export type Viewer = NonNullable<MeQueryResult['me']>;

interface SessionValue {
  viewer: Viewer | null;
  fetching: boolean;
  error: string | null;
  /** Call after logIn / logOut / hubLogIn etc.: drops all cached data and reconnects the websocket. */
  resetSession: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function ApiProvider({ children, factory = createApiClient }: { children: ReactNode; factory?: () => ApiClient }) {
  const [api, setApi] = useState<ApiClient>(() => factory());
  const [generation, setGeneration] = useState(0);
  useEffect(() => () => api.dispose(), [api]);
  const resetSession = useCallback(() => {
    setApi(factory());
    setGeneration((g) => g + 1);
  }, [factory]);
  return (
    <Provider value={api.client}>
      <ViewerLoader key={generation} resetSession={resetSession}>{children}</ViewerLoader>
    </Provider>
  );
}

function ViewerLoader({ children, resetSession }: { children: ReactNode; resetSession: () => void }) {
  const [{ data, fetching, error }, recheck] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const signedIn = !!data?.me;
  useEffect(() => {
    if (!signedIn) return;
    let last = 0;
    const onCheck = () => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      recheck({ requestPolicy: 'network-only' });
    };
    window.addEventListener(SESSION_CHECK_EVENT, onCheck);
    return () => window.removeEventListener(SESSION_CHECK_EVENT, onCheck);
  }, [signedIn, recheck]);
  const value = useMemo<SessionValue>(
    () => ({
      viewer: data?.me ?? null,
      fetching: fetching && !data,
      error: error && !data ? error.message : null,
      resetSession,
    }),
    [data, fetching, error, resetSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** For tests: a fixed session around an already-built urql client. */
export function TestSessionProvider({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const value = useMemo<SessionValue>(() => ({ viewer, fetching: false, error: null, resetSession: () => {} }), [viewer]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
