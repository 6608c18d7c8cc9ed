import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console builds into dist/web, which the server serves on its own port (src/adapters/http/web/console.ts).
// `npm run dev:web` proxies the API to a server on 8080 for working on screens.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080', '/liveness': 'http://localhost:8080' } },
});
