// The one Vite configuration of every front-end: Preact, the page's address, its HTML entries,
// built into dist/web/<name>, and a dev server that talks to a hub on port 8080.

import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { FRONT_ENDS } from './pages.js';

export function pageConfig(name: string): UserConfig {
  const page = FRONT_ENDS.find((p) => p.name === name);
  if (!page) throw new Error(`${name} is not in web-shared/pages.ts`);
  const here = (path: string) => fileURLToPath(new URL(`../${name}/${path}`, import.meta.url));
  return defineConfig({
    root: here('.'),
    base: `/${name}/`,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: fileURLToPath(new URL(`../dist/web/${name}`, import.meta.url)),
      emptyOutDir: true,
      rollupOptions: { input: Object.fromEntries(page.entries.map((e) => [e, here(`${e}.html`)])) },
    },
    server: {
      fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
      proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
    },
  });
}
