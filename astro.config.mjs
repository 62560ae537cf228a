// @ts-check
import { defineConfig } from 'astro/config';
import { liveContent } from './src/build/live-content.ts';
import { siteUrl } from './src/site/site-url.ts';
import { visualSystemSass } from './src/styles/visual-system-sass.ts';

export default defineConfig({
  output: 'static',
  // Canonical URLs, Open Graph tags, the feed and the sitemap: SITE_URL, or a placeholder (src/site/site-url.ts).
  site: siteUrl(),
  // liveContent: `npm run dev` reloads pages when content/ or templates/ change.
  integrations: [liveContent()],
  // Content lives in content/ at the top level, where inspectors find it; src/ is the tool.
  srcDir: './src',
  publicDir: './public',
  trailingSlash: 'always',
  // Styles and scripts always in files of their own, never inline: the Content Security Policy
  // (src/site/content-security-policy.ts) allows only the site's own files.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Keep builds byte-for-byte repeatable and quiet about telemetry.
  // The visual system's colours and sizes reach the Sass as variables (src/styles/visual-system-sass.ts).
  vite: { build: { cssMinify: 'esbuild', assetsInlineLimit: 0 }, css: { preprocessorOptions: { scss: { additionalData: visualSystemSass() } } } },
});
