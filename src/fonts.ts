/**
 * The fonts of every PDF, as files on disk: shared by the PDF renderers (which embed them) and the
 * checks (which make sure every character of the content has a glyph in them).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const require = createRequire(import.meta.url);
const fontFolder = path.dirname(require.resolve('@expo-google-fonts/atkinson-hyperlegible-next/package.json'));
/** Atkinson Hyperlegible Next (SIL Open Font License): designed for legibility, has Welsh ŵ and ŷ. */
export const FONT_FILES: Record<FontName, string> = {
  regular: path.join(fontFolder, '400Regular/AtkinsonHyperlegibleNext_400Regular.ttf'),
  bold: path.join(fontFolder, '700Bold/AtkinsonHyperlegibleNext_700Bold.ttf'),
  italic: path.join(fontFolder, '400Regular_Italic/AtkinsonHyperlegibleNext_400Regular_Italic.ttf'),
  boldItalic: path.join(fontFolder, '700Bold_Italic/AtkinsonHyperlegibleNext_700Bold_Italic.ttf'),
};
