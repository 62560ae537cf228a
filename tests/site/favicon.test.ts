/** The site's icon: the publisher's initials, as SVG and as PNGs drawn from it. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { faviconPng, faviconSvg, initials } from '../../src/site/favicon.ts';

describe('the site icon', () => {
  it('is made of the publisher initials, an acronym kept whole, at most four letters', () => {
    expect(initials('HMI Probation')).toBe('HMIP');
    expect(initials('Care Inspectorate Wales')).toBe('CIW');
    expect(initials('Estyn')).toBe('E');
    expect(initials('HM Inspectorate of Constabulary and Fire & Rescue Services')).toBe('HMIC');
    expect(faviconSvg('R&D Inspectorate')).toContain('>R&amp;DI</text>');
  });

  it('draws the PNGs at their size, light letters on a dark square', async () => {
    const png = await faviconPng('HMI Probation', 32);
    const { width, height } = await sharp(png).metadata();
    expect([width, height]).toEqual([32, 32]);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const bright = [...Array(info.width * info.height).keys()].filter((i) => data[i * 3]! > 128).length;
    // Mostly the dark square, with some white of the letters.
    expect(bright / (info.width * info.height)).toBeGreaterThan(0.05);
    expect(bright / (info.width * info.height)).toBeLessThan(0.5);
  });
});
