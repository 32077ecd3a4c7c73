import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** The ws URL follows the page's origin, so the session cookie goes along with the upgrade. */
export function wsUrl(loc: Location = window.location): string {
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/graphql`;
}

export const SESSION_CHECK_EVENT = 'portico:session-check';
/** Dispatched on window when the websocket came back after a drop: live feeds missed what happened meanwhile. */
export const LIVE_RECONNECTED_EVENT = 'portico:live-reconnected';

export interface ApiClient {
  client: Client;
  ws: WsClient;
  dispose: () => void;
}

/**
 * One urql client per signed-in identity. It is re-created on log in / log out so the
 * document cache starts empty and the websocket reconnects with the new session cookie.
 */
export function createApiClient(): ApiClient {
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 15000)));
    },
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) window.dispatchEvent(new Event(LIVE_RECONNECTED_EVENT));
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    // The backend accepts POST only (GET is off: CSRF); urql would otherwise GET short queries.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin', headers: { 'X-Requested-With': 'portico' } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      // A top-level error may mean the session ended (expired, signed out elsewhere): the session
      // provider re-checks `me` and the route guards send the user to sign in if so.
      mapExchange({
        onError(error, operation) {
          if (error.graphQLErrors.length && operation.kind !== 'teardown') window.dispatchEvent(new Event(SESSION_CHECK_EVENT));
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws, dispose: () => void ws.dispose() };
}
