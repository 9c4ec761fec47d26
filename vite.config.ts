import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressBuild } from './src/node/precompress';

// The app build. Tests use vitest.config.ts, which leaves the PWA plugin out.
export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // Icons come from the manifest below and the glob: listing them twice duplicates entries.
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
      },
      manifest: {
        id: '/',
        name: 'Plan B — conference companion',
        short_name: 'Plan B',
        description:
          'Your conference schedule offline, which rooms are full, and a plan B when the door closes.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f4c5c',
        background_color: '#ffffff',
        categories: ['productivity', 'utilities'],
        icons: [
          { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'maskable-icon-512x512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      devOptions: { enabled: false },
    }),
    // After the PWA plugin: sw.js is written in its closeBundle, and is compressed too.
    precompressBuild(),
  ],
  // Module workers with chunks: the import worker loads the schedule parsers only for a file
  // (the relay's compact schedule needs none of them).
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2022',
    // Browsers without <link rel="modulepreload"> (before Safari 17, Firefox 115) still load
    // every module, a little later: not worth ~0.4 KB gzip of polyfill in the first load.
    modulePreload: { polyfill: false },
    // Maps for debugging, without a sourceMappingURL comment; the relay serves them only with
    // SOURCE_MAPS=1 (a production build does not publish its sources).
    sourcemap: 'hidden',
  },
});
