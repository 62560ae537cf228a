/** vitest globalSetup: a folder for the shared sample build (tests/support/shared-site.ts), removed after the run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-shared-'));
  project.provide('sharedSiteRoot', root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
