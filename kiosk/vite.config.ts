// The kiosk's pages: the touchscreen (index.html), the phone page a ticket's QR code opens
// (phone.html, served at /t/<ticket>) and the simulated printer's list (prints.html, at /prints).

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/kiosk/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web/kiosk'),
    emptyOutDir: true,
    rollupOptions: {
      input: { index: here('index.html'), phone: here('phone.html'), prints: here('prints.html') },
    },
  },
  server: {
    fs: { allow: [here('..')] },
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
