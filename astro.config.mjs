// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'static',
  integrations: [mdx()],
  // Content lives in content/ at the top level, where inspectors find it; src/ is the tool.
  srcDir: './src',
  publicDir: './public',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Keep builds byte-for-byte repeatable and quiet about telemetry.
  vite: { build: { cssMinify: 'esbuild' } },
});
