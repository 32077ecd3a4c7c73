import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { MemoryRouter } from 'react-router';
import { fromValue, never, makeSubject, pipe, delay, toPromise, type Source } from 'wonka';
import { vi } from 'vitest';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

export type Handler = (variables: Record<string, unknown>) => unknown;

export function opName(query: DocumentNode): string {
  const def = query.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode | undefined;
  return def?.name?.value ?? print(query);
}

/**
 * A urql client whose operations are answered by handlers keyed by operation name.
 * A handler returns `{ data }` / `{ error }`; a missing handler never answers (stays loading).
 * Subscriptions get a wonka subject per operation name, so tests can push events.
 */
export function createMockClient(handlers: Record<string, Handler>) {
  const subjects = new Map<string, ReturnType<typeof makeSubject>>();
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const answer = (kind: 'query' | 'mutation') => (op: { query: DocumentNode; variables: Record<string, unknown> }) => {
    const name = opName(op.query);
    calls.push({ name, variables: op.variables });
    const h = handlers[name];
    if (!h) return never;
    const result = { operation: op, stale: false, hasNext: false, ...(h(op.variables) as object) };
    return kind === 'query' ? pipe(fromValue(result), delay(0)) : fromValue(result);
  };
  const client = {
    executeQuery: vi.fn(answer('query')),
    executeMutation: vi.fn(answer('mutation')),
    // `client.mutation(...).toPromise()`, for components that run a mutation outside a hook.
    mutation: (query: DocumentNode, variables: Record<string, unknown>) => ({
      toPromise: () => toPromise(answer('mutation')({ query, variables })),
    }),
    executeSubscription: vi.fn((op: { query: DocumentNode; variables: Record<string, unknown> }) => {
      const name = opName(op.query);
      calls.push({ name, variables: op.variables });
      if (!subjects.has(name)) subjects.set(name, makeSubject());
      const s = subjects.get(name)!;
      return pipe(s.source as Source<unknown>, (src: Source<unknown>) => src) as Source<unknown>;
    }),
  };
  return {
    client: client as unknown as Client,
    calls,
    callsOf: (name: string) => calls.filter((c) => c.name === name),
    /** Pushes one subscription result to the subscribers of operation `name`. */
    push: (name: string, data: unknown) => {
      const s = subjects.get(name);
      if (!s) throw new Error(`no subscription ${name} yet`);
      s.next({ data, stale: false, hasNext: true, operation: { kind: 'subscription' } });
    },
  };
}

export function Wrapper({ client, children, route = '/' }: { client: Client; children: ReactNode; route?: string }) {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </Provider>
  );
}
