/**
 * The visual system (src/visual-system.ts) as Sass variables, put before every stylesheet by
 * astro.config.mjs, so the pages' styles name its colours and sizes instead of typing them:
 * `$app-colour-text`, `$app-rating-star`, `$app-rating-star-tint`, `$app-series-0`, `$app-type-body`…
 */
import { COLOURS, RATING_STYLES, SERIES_STYLES, TYPE } from '../visual-system.ts';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function visualSystemSass(): string {
  const lines = [
    ...Object.entries(COLOURS).map(([name, value]) => `$app-colour-${kebab(name)}: ${value};`),
    ...Object.entries(RATING_STYLES).flatMap(([mark, style]) => [`$app-rating-${mark}: ${style.colour};`, `$app-rating-${mark}-tint: ${style.tint};`]),
    ...SERIES_STYLES.map((style, i) => `$app-series-${i}: ${style.colour};`),
    ...Object.entries(TYPE.web).map(([name, px]) => `$app-type-${kebab(name)}: ${px}px;`),
  ];
  return `${lines.join('\n')}\n`;
}
