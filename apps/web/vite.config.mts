import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is built into dist/web and served by the API at / (apps/api: web.ts). No CDN: DSFR's
// fonts and icons are bundled from node_modules. JSX by vite's own transform (no Babel plugin).
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Icons stay files: inlined, DSFR's ~1,300 small SVGs would weigh on the first page's CSS.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // react-dsfr marks its modules "use client" (for Next.js); meaningless in a plain SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
