// Written by scripts/message-keys.ts (npm run -s message-keys): the message keys the code uses.
export const MESSAGE_KEYS: ReadonlySet<string> = new Set([
  'site.nav.annual-reports',
  'site.nav.glossary',
  'site.nav.how-we-rate',
  'site.nav.inspections',
  'site.nav.ratings',
  'site.nav.search',
  'site.nav.thematic-reports',
  'site.skip-link',
]);
