/**
 * A worker thread of markdown-workers.ts: parses its share of the narratives, each that the cache
 * does not hold yet, and stores the tree in the check's cache for loadProject to find.
 */
import fs from 'node:fs';
import { workerData } from 'node:worker_threads';
import { CheckCache, MARKDOWN } from './check-cache.ts';
import { parseMarkdown } from '../source/markdown-file.ts';
import type { MarkdownWork } from './markdown-workers.ts';

const { root, version, files } = workerData as MarkdownWork;
const cache = new CheckCache(root, { version, keepOtherVersions: true });
for (const file of files) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const key = cache.key(MARKDOWN, text);
  if (!cache.has(MARKDOWN, key)) cache.write(MARKDOWN, key, parseMarkdown(text));
}
