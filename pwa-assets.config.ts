import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// `npm run icons` draws every PWA icon from public/logo.svg (committed output in public/).
export default defineConfig({
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#0f4c5c' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#0f4c5c' } },
  },
  images: ['public/logo.svg'],
});
