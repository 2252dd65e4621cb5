import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The page is built into dist/web and served by the API at / (apps/api: web.ts). No CDN: DSFR's
// fonts and icons are bundled from node_modules. JSX by vite's own transform (no Babel plugin).
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Icons stay files: inlined, DSFR's ~1,300 small SVGs would weigh on the first page's CSS.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    chunkSizeWarningLimit: 600,
  },
});
