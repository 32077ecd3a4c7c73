import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiProvider } from './app/session';
import { SelectionProvider } from './libraries/selection';
import { createRouter } from './app/routes';
import './ui/styles.css';

const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider>
      <SelectionProvider>
        <RouterProvider router={router} />
      </SelectionProvider>
    </ApiProvider>
  </StrictMode>,
);
