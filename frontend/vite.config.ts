/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.PORTICO_BACKEND ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: backend, ws: true, changeOrigin: false },
      '/uploads': { target: backend },
      '/files': { target: backend },
      '/healthz': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // jsdom + user-event dialogs take ~1 s alone but passed 5 s (vitest's default) with pytest on both cores;
    // the limit is for hung tests, not for speed.
    testTimeout: 20000,
  },
});
