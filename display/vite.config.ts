// The hall's screens: the waiting-room display (index.html, at /display/) and the simulator
// of keypads and LED boards (boards.html, at /boards).

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/display/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web/display'),
    emptyOutDir: true,
    rollupOptions: {
      input: { index: here('index.html'), boards: here('boards.html') },
    },
  },
  server: {
    fs: { allow: [here('..')] },
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
