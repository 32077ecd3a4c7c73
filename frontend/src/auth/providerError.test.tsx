import { describe, it, expect } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiProvider } from '../app/session';
import type { ApiClient } from '../lib/client';
import { HubLogInPage } from '../portal/HubLogInPage';
import { createMockClient } from '../test/mockClient';
import { providerError } from './providerError';

function at(url: string) {
  const mock = createMockClient({ Me: () => ({ data: { me: null } }) });
  const api = { client: mock.client, ws: null, dispose: () => {} } as unknown as ApiClient;
  render(
    <ApiProvider factory={() => api}>
      <MemoryRouter initialEntries={[url]}>
        <Routes><Route path="/hub/login" element={<HubLogInPage />} /></Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
}

describe('a redirect sign-in that came back with an error', () => {
  it('is explained on the hub sign-in page', async () => {
    at('/hub/login?error=INVALID_CREDENTIALS');
    expect(await screen.findByRole('alert')).toHaveTextContent('did not confirm who you are');
  });

  it('shows nothing without an error, and a general message for an unknown code', async () => {
    at('/hub/login');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(providerError('SOMETHING_NEW')).toMatch(/did not work/);
    expect(providerError(null)).toBeNull();
  });
});
