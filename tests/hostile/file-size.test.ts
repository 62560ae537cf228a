/**
 * Content files larger than MAX_FILE_SIZE (issue 13): reported at line 1 and not read, so a huge
 * narrative cannot make the check or the build slow; smaller files are read as usual.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type LoadResult } from '../../src/check/load-project.ts';
import { MAX_FILE_SIZE } from '../../src/check/content-reader.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/valid');

describe('content files over the size limit', () => {
  let root: string;
  let result: LoadResult;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-size-'));
    fs.cpSync(valid, root, { recursive: true });
    const narrative = path.join(root, 'content/inspections/eastbrook-2023/report.mdx');
    const paragraph = '\n\nStaff knew the children well and planned their work with them.';
    const text = fs.readFileSync(narrative, 'utf8');
    fs.writeFileSync(narrative, text + paragraph.repeat(Math.ceil((MAX_FILE_SIZE - text.length) / paragraph.length) + 1));
    // A service file just over the limit, and one exactly at it.
    const service = fs.readFileSync(path.join(root, 'content/services/eastbrook.yaml'), 'utf8');
    const padded = (size: number) => service + '#'.repeat(size - Buffer.byteLength(service) - 1) + '\n';
    fs.writeFileSync(path.join(root, 'content/services/huge.yaml'), padded(MAX_FILE_SIZE + 1));
    fs.writeFileSync(path.join(root, 'content/services/eastbrook.yaml'), padded(MAX_FILE_SIZE));
    result = loadProject(root);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports each at line 1 by the file-too-large rule, and nothing else', () => {
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/services/huge.yaml', 1, 1, 'error', 'file-too-large'],
      ['content/inspections/eastbrook-2023/report.mdx', 1, 1, 'error', 'file-too-large'],
    ]);
    expect(result.diagnostics[0]!.message).toBe('the file is 1,048,577 bytes (1.0 MB): a content file may be at most 1,048,576 bytes (1.0 MB), so it is not read');
  });

  it('reads a file exactly at the limit, and the rest of the inspection', () => {
    expect(result.project.services.map((s) => s.slug)).toEqual(['eastbrook']);
    expect(result.project.inspections.map((i) => i.slug)).toEqual(['eastbrook-2023']);
    expect(result.project.inspections[0]!.cases.length).toBeGreaterThan(0);
  });
});
