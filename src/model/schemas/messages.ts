import { z } from 'zod';

/** A message file (templates/messages/<lang>/<area>.yaml): nested groups whose leaves are the tool's words. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export const messagesFileSchema: z.ZodType<MessageTree> = z
  .lazy(() => z.record(z.string().regex(/^[a-z0-9-]+$/), z.union([z.string().min(1).describe('The words, as ICU MessageFormat: keep each {placeholder} as it is, and translate only the words around it.'), messagesFileSchema])))
  .describe('The words the tool writes, grouped; every language has the same groups and keys as the English file.');
