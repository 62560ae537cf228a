/**
 * The check's cache: results of the check's costly steps kept in `.cache/check/` by a hash of
 * everything they are computed from, so a check after one report is edited does again only what
 * that report's files feed:
 *   - `folder`: an inspection folder's whole check, and `easy-read-check`: its easy-read version's
 *     (folder-record.ts), keyed by the folder's files, everything else they can read and the build date;
 *   - `markdown`: an MDX file's syntax tree, by its text (parsed ahead on other cores: markdown-workers.ts);
 *   - `yaml`: a YAML file's data and places, by its text;
 *   - `easy-read-language`: an easy-read version's language findings, by its sentences, their
 *     places, the glossary and the settings.
 * Every key also holds the tool's version: a hash of every file of the tool's src/, the installed
 * package versions (node_modules/.package-lock.json), Node's version and CACHE_FORMAT. A cached
 * result is therefore the result the step would compute, and the rules that look across files
 * still run on everything: the check says the same things in the same order with or without the
 * cache. A changed tool gives new keys (older versions' entries are removed).
 *
 * Entries are JSON files, written to a temporary name and renamed, so checks running at the same
 * time (a build and the live preview) never read half an entry. CHECK_CACHE=0 turns the cache off.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MarkdownSource, MarkdownStore } from '../source/markdown-file.ts';
import type { StoredYaml, YamlStore } from '../source/yaml-file.ts';

/** Bumped when what an entry holds changes shape. */
const CACHE_FORMAT = 'check-cache-1';

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
};

/** The tool's own folder: the src/ this module is in, and the project folder above it. */
const TOOL_SRC = path.resolve(import.meta.dirname, '..');
const TOOL_ROOT = path.dirname(TOOL_SRC);

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : entry.isFile() ? [path.join(folder, entry.name)] : []));
}

/**
 * The tool's version, as the cache sees it: every file of its src/ (a change to any rule, parser
 * or word list gives new keys), the installed packages (remark, micromark, retext, yaml, zod…),
 * Node's version and CACHE_FORMAT. Exposed with its inputs for tests.
 */
export function toolVersionOf(src: string = TOOL_SRC, root: string = TOOL_ROOT): string {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\u0000${process.version}\u0000`);
  for (const file of filesUnder(src)) hash.update(path.relative(src, file)).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
  // npm's record of what is installed, else what is asked for.
  for (const lock of ['node_modules/.package-lock.json', 'package-lock.json', 'package.json']) {
    const file = path.join(root, lock);
    if (fs.existsSync(file)) {
      hash.update(lock).update('\u0000').update(fs.readFileSync(file));
      break;
    }
  }
  return hash.digest('hex').slice(0, 32);
}

let processToolVersion: string | undefined;
/** The tool's version, computed once per process (a changed tool is a new process: a new check, or the preview's restart). */
export function toolVersion(): string {
  return (processToolVersion ??= toolVersionOf());
}

export interface CheckCacheOptions {
  /** The version entries are kept under; the tool's own unless told (tests). */
  version?: string;
  /** Off: every step computed, nothing read or stored. CHECK_CACHE=0 unless told. */
  enabled?: boolean;
  /** Leave other versions' entries alone (a worker of a check that has already tidied up). */
  keepOtherVersions?: boolean;
}

/** Where the check's cache keeps a version's entries: `.cache/check/<version>` in the project. */
export const checkCacheFolder = (root: string, version: string = toolVersion()): string => path.join(root, '.cache', 'check', version);

export class CheckCache {
  /** `.cache/check/<version>` in the project. */
  readonly folder: string;
  readonly enabled: boolean;
  hits = 0;
  misses = 0;

  constructor(root: string, options: CheckCacheOptions = {}) {
    const version = options.version ?? toolVersion();
    this.enabled = options.enabled ?? process.env.CHECK_CACHE !== '0';
    this.folder = checkCacheFolder(root, version);
    if (this.enabled && !options.keepOtherVersions) removeOtherVersions(path.dirname(this.folder), version);
  }

  /** The key of an input of a kind of step: what the entry's file is named after. */
  key(kind: string, input: string): string {
    return sha256(kind, input);
  }

  private file(kind: string, key: string): string {
    return path.join(this.folder, kind, `${key}.json`);
  }

  /** The stored result for a key, or undefined (never stored, or unreadable: computed again). */
  read<T>(kind: string, key: string): T | undefined {
    if (!this.enabled) return undefined;
    try {
      return JSON.parse(fs.readFileSync(this.file(kind, key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Whether a result is stored for a key, without reading it. */
  has(kind: string, key: string): boolean {
    return this.enabled && fs.existsSync(this.file(kind, key));
  }

  /** Stores a result as JSON; a result that JSON cannot hold is not stored. */
  write(kind: string, key: string, value: unknown): void {
    if (!this.enabled) return;
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return;
    }
    this.writeJson(kind, key, json);
  }

  /** Stores a result already written as JSON (by a worker, src/check/markdown-workers.ts). */
  writeJson(kind: string, key: string, json: string): void {
    if (!this.enabled) return;
    const file = this.file(kind, key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      fs.writeFileSync(temporary, json);
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written (a read-only folder) only means computing again next time.
    }
  }

  /** The result of a pure step: stored, or computed and stored. `input` must hold everything the result depends on. */
  memo<T>(kind: string, input: string, compute: () => T): T {
    if (!this.enabled) return compute();
    const key = this.key(kind, input);
    const stored = this.read<T>(kind, key);
    if (stored !== undefined) {
      this.hits += 1;
      return stored;
    }
    this.misses += 1;
    const value = compute();
    this.write(kind, key, value);
    return value;
  }

  /** readMarkdown's store (src/source/markdown-file.ts): syntax trees by the text parsed. */
  markdownStore(): MarkdownStore {
    return {
      get: (text) => {
        const stored = this.read<MarkdownSource>(MARKDOWN, this.key(MARKDOWN, text));
        if (stored) this.hits += 1;
        return stored;
      },
      set: (text, parsed) => {
        this.misses += 1;
        this.write(MARKDOWN, this.key(MARKDOWN, text), parsed);
      },
    };
  }

  /** readYaml's store (src/source/yaml-file.ts): a YAML file's data and places by its text. */
  yamlStore(): YamlStore {
    return {
      get: (text) => {
        const stored = this.read<StoredYaml>(YAML, this.key(YAML, text));
        if (stored) this.hits += 1;
        return stored;
      },
      set: (text, stored) => {
        this.misses += 1;
        this.write(YAML, this.key(YAML, text), stored);
      },
    };
  }
}

/** The kind of entry that holds an MDX file's syntax tree (readMarkdown's result). */
export const MARKDOWN = 'markdown';
/** The kind of entry that holds a YAML file's data and places (readYaml's). */
export const YAML = 'yaml';

/**
 * Entries of another version of the tool are read again only if that version comes back (a branch
 * switched back, another Node running the check): the latest other version is kept, older ones are
 * removed, so the cache does not grow with each change of the tool.
 */
function removeOtherVersions(base: string, version: string): void {
  const own = path.join(base, version);
  let others: { folder: string; used: number }[];
  try {
    fs.mkdirSync(own, { recursive: true });
    const now = new Date();
    fs.utimesSync(own, now, now);
    others = fs
      .readdirSync(base)
      .filter((entry) => entry !== version)
      .map((entry) => ({ folder: path.join(base, entry), used: fs.statSync(path.join(base, entry)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
  } catch {
    return;
  }
  for (const { folder } of others.slice(1)) fs.rmSync(folder, { recursive: true, force: true });
}
