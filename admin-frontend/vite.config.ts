import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API (REST and WebSockets) to a running backend-api, so the browser sees one origin.
const api = process.env.CONSOLE_API_URL ?? 'http://localhost:8080';
// to the API the proxied calls look same-origin (as when backend-api serves the console): no Origin header
const proxy: ProxyOptions = {
  target: api,
  changeOrigin: true,
  ws: true,
  configure: (server) => {
    server.on('proxyReq', (request) => request.removeHeader('origin'));
    server.on('proxyReqWs', (request) => request.removeHeader('origin'));
  },
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/v1': proxy } },
  preview: { proxy: { '/v1': proxy } },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true, // read by bench/bundle-size.mjs
    // the shared vendor chunk is ~700 kB raw / ~220 kB gzip; pages are split out (docs/benchmarks.md)
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // a budget, not a speed check: whole-app renders with jsdom take seconds when other builds share the 2 cores
    testTimeout: 45_000,
  },
});
