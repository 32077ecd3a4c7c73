import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy*/waitFor give up after 1 s by default; with pytest on both cores a query answered through the mock
// client's delay(0) and a re-render can take longer (seen: the hub's language arriving after 1 s). Like the test
// timeout in vite.config.ts, this bounds hung tests, not speed.
configure({ asyncUtilTimeout: 5000 });
