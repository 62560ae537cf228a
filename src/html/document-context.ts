/** The render context of a page that shows a document: its images' sizes, so every <img> has a width and height. */
import type { DocumentModel } from '../document/blocks.ts';
import { normaliseImage } from '../document/images.ts';
import { wordsOf } from '../document/words.ts';
import { renderContext, type RenderContext } from './render-blocks.ts';

export async function documentContext(document: Pick<DocumentModel, 'images' | 'words' | 'language'>): Promise<RenderContext> {
  const sizes = await Promise.all(document.images.map(async (image) => [image.name, await normaliseImage(image)] as const));
  return renderContext({ words: wordsOf(document), imageSizes: new Map(sizes.map(([name, { width, height, vector }]) => [name, { width, height, ...(vector?.minWidth ? { minWidth: vector.minWidth } : {}) }])) });
}
