/**
 * The editor set-up (README, "Writing in an editor"): every YAML file of content/ and templates/, and
 * each annual report's front matter, is linked to a JSON Schema in schemas/ (by its first-line
 * comment or a glob of .vscode/settings.json) that accepts it, as the editor's YAML extension would
 * see it; the snippets are up to date and name only components that exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { componentNames } from '../../src/document/components.ts';
import { contentSchemas } from '../../src/check/json-schemas.ts';
import { editorSnippets, SNIPPETS_FILE } from '../../src/check/editor-snippets.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** JSON with comments, as VS Code reads its settings: whole-line // comments. */
const jsonc = (file: string) =>
  JSON.parse(
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n'),
  );

const settings = jsonc('.vscode/settings.json') as { 'yaml.schemas': Record<string, string | string[]> };

function filesUnder(folder: string, pattern: RegExp): string[] {
  return (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')))
    .filter((file) => pattern.test(file))
    .sort();
}

/** The schema a first-line `# yaml-language-server: $schema=…` comment names, from the project root. */
function schemaComment(file: string, text: string): string | undefined {
  const named = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n').slice(0, 2).join('\n'))?.[1];
  return named && path.posix.normalize(path.posix.join(path.posix.dirname(file), named));
}

/** The schemas .vscode/settings.json maps the file to. */
function schemaGlobs(file: string): string[] {
  return Object.entries(settings['yaml.schemas'])
    .filter(([, globs]) => [globs].flat().some((glob) => path.matchesGlob(file, glob)))
    .map(([schema]) => path.posix.normalize(schema));
}

// Formats (date, uri) are left to the patterns beside them and to npm run check: ajv alone does not know them.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
/** What the schema finds wrong, leaving out the kinds of error in `placeholders` (blanks a template leaves to fill in). */
function validate(schemaFile: string, data: unknown, placeholders: string[] = []): string[] {
  if (!validators.has(schemaFile)) validators.set(schemaFile, ajv.compile(JSON.parse(fs.readFileSync(path.join(root, schemaFile), 'utf8'))));
  const valid = validators.get(schemaFile)!;
  if (valid(data)) return [];
  const errors = valid.errors ?? [];
  // A value that may take several forms (anyOf) fits when one form fails only for its blanks.
  const excused = new Set<string>();
  for (const e of errors.filter((x) => x.keyword === 'anyOf')) {
    const branches = new Map<string, typeof errors>();
    for (const b of errors.filter((x) => x.schemaPath.startsWith(`${e.schemaPath}/`))) {
      const branch = b.schemaPath.slice(e.schemaPath.length + 1).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), b]);
    }
    if ([...branches.values()].some((list) => list.every((b) => placeholders.includes(b.keyword)))) {
      excused.add(`${e.instancePath} ${e.schemaPath}`);
      for (const list of branches.values()) for (const b of list) excused.add(`${b.instancePath} ${b.schemaPath}`);
    }
  }
  return errors.filter((e) => !placeholders.includes(e.keyword) && !excused.has(`${e.instancePath} ${e.schemaPath}`)).map((e) => `${e.instancePath} ${e.message}`);
}

// The new inspection's template: dates as YYYY-MM-DD and empty texts, to be filled in (the editor
// underlines them, as it should); every field and value type must still fit.
const TEMPLATE_BLANKS: Record<string, string[]> = { 'templates/inspection/inspection.yaml': ['pattern', 'minLength'] };

const yamlFiles = [...filesUnder('content', /\.ya?ml$/), ...filesUnder('templates', /\.ya?ml$/)];

describe('editor set-up', () => {
  it('finds the YAML files', () => {
    expect(yamlFiles.length).toBeGreaterThan(20);
  });

  it.each(yamlFiles)('%s is linked to a schema that exists and accepts it', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const commented = schemaComment(file, text);
    const globbed = schemaGlobs(file);
    const schemas = [...new Set([...(commented ? [commented] : []), ...globbed])];
    // One schema: a comment and the settings that disagreed would give the editor two answers.
    expect(schemas, 'linked by a first-line comment or .vscode/settings.json').toHaveLength(1);
    expect(fs.existsSync(path.join(root, schemas[0]!)), `${schemas[0]} exists`).toBe(true);
    expect(validate(schemas[0]!, parse(text), TEMPLATE_BLANKS[file])).toEqual([]);
  });

  it('maps every glob of the settings to a schema made by npm run schemas', () => {
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(Object.keys(contentSchemas)).toContain(path.posix.basename(schema));
  });

  it.each(filesUnder('content/annual-reports', /\.mdx$/))("%s's front matter names its schema, which accepts it", (file) => {
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(path.join(root, file), 'utf8'))?.[1] ?? '';
    expect(schemaComment(file, frontMatter)).toBe('schemas/annual-report.schema.json');
    expect(validate('schemas/annual-report.schema.json', parse(frontMatter))).toEqual([]);
  });

  it('recommends the YAML and MDX extensions', () => {
    expect(jsonc('.vscode/extensions.json').recommendations).toEqual(expect.arrayContaining(['redhat.vscode-yaml', 'unifiedjs.vscode-mdx']));
  });

  it('has snippets for every MDX component and no other, up to date (run npm run schemas)', () => {
    const text = fs.readFileSync(path.join(root, SNIPPETS_FILE), 'utf8');
    expect(text).toBe(editorSnippets());
    const snippets = Object.values(JSON.parse(text) as Record<string, { body: string[] }>);
    const tags = snippets.flatMap(({ body }) => [...body.join('\n').matchAll(/<\/?([A-Z]\w*)/g)].map((m) => m[1]!));
    expect(new Set(tags)).toEqual(new Set(componentNames));
    // Standard sections, with the two lists a standard ends with.
    expect(snippets.some(({ body }) => body[0]!.startsWith('## ${1:2.1}') && body.includes('### Strengths') && body.includes('### Areas for improvement'))).toBe(true);
  });
});
