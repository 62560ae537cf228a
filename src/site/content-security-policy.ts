/**
 * The Content Security Policy of every page (a meta tag in src/layouts/Page.astro; README's
 * "Deploying" gives the same as a header). Scripts only from the site's own files (no inline
 * scripts, no inline event handlers), plus WebAssembly for Pagefind's search; styles and pictures
 * from the site (pictures also as data: URLs, which Pagefind's stylesheet uses for its icons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
