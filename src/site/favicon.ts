/**
 * The site's icon: the publisher's initials, white on black, made from content/publisher.yaml so
 * every inspectorate gets its own (plain letters: these pages are not GOV.UK, so no crown). The SVG
 * is the favicon; PNGs drawn from it with sharp serve browsers and home screens that want pixels.
 */
import sharp from 'sharp';
import { COLOURS } from '../visual-system.ts';

/** The PNGs (src/pages/[icon].png.ts) and their size in pixels; src/layouts/Page.astro links to them and to /favicon.svg. */
export const PNG_ICONS: Readonly<Record<string, number>> = { 'favicon-32': 32, 'apple-touch-icon': 180 };

/** "HMI Probation" → "HMIP": a word in capitals (an acronym) is kept whole, others give their first letter. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => (word === word.toUpperCase() ? word : word[0]!))
    .join('');
  return (letters || name.trim()[0]?.toUpperCase() || '?').slice(0, 4);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function faviconSvg(shortName: string): string {
  const text = initials(shortName);
  // Letters shrink as they grow in number, so four still fit the square.
  const size = [0, 40, 34, 26, 20][text.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="${COLOURS.text}"/><text x="32" y="32" dy="0.35em" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-weight="bold" font-size="${size}" fill="${COLOURS.background}">${escape(text)}</text></svg>\n`;
}

export function faviconPng(shortName: string, pixels: number): Promise<Buffer> {
  return sharp(Buffer.from(faviconSvg(shortName)), { density: (72 * pixels) / 64 }).resize(pixels, pixels).png().toBuffer();
}
