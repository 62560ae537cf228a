/**
 * Failures of the tool itself (bugs), as against problems in the content (diagnostics). Nothing a
 * content file holds should get here; when something does, the person running the tool sees one
 * line: what failed, the file being processed where known, and that it is a bug to report. The
 * stack, for whoever fixes it, only with DEBUG=1.
 */
import type { DiagnosticList } from './diagnostics.ts';

export const REPORT_BUG = 'this is a bug in the tool, not a mistake in the content: please report it, with this message, to the people who maintain the tool (the issues page of its repository)';

/** An internal failure while one file (or PDF) was processed, naming it. */
export class ToolFailure extends Error {
  readonly processing: string;

  // No parameter property: the build's first process runs this file with Node's own type stripping (src/build/cli.ts).
  constructor(processing: string, cause: unknown) {
    super(firstLine(cause), { cause });
    this.processing = processing;
  }
}

/** The first line of an error's message, without a full stop: messages of other libraries can run to many lines. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n')[0]!.trim().replace(/\.$/, '') || (error instanceof Error ? error.name : 'unknown error');
}

/** Runs `work` (sync or async), naming `processing` in any failure it throws. */
export function whileProcessing<T>(processing: string, work: () => T): T {
  const name = (error: unknown): never => {
    throw error instanceof ToolFailure ? error : new ToolFailure(processing, error);
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(name) : result) as T;
  } catch (error) {
    return name(error);
  }
}

/** Whether stacks are shown (DEBUG=1), for the people who work on the tool. */
export const debugging = (): boolean => process.env.DEBUG === '1';

/** The stack of an error and of each error that caused it. */
function stacks(error: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = error; e !== undefined; e = e instanceof Error ? e.cause : undefined) chain.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return chain.join('\nCaused by: ');
}

/**
 * What a command prints when the tool fails: one line, such as "The check failed while processing
 * content/x.yaml: … ; this is a bug in the tool …", and with DEBUG=1 the stacks beneath it.
 */
export function describeFailure(what: string, error: unknown, after = ''): string {
  const where = error instanceof ToolFailure ? ` while processing ${error.processing}` : '';
  const line = `${what} failed${where}: ${firstLine(error)}; ${REPORT_BUG}.${after ? ` ${after}` : ''}`;
  return debugging() ? `${line}\n${stacks(error)}` : `${line} (DEBUG=1 shows where it failed.)`;
}

/** An unexpected exception while one content file was checked, as an error on that file (its stack with DEBUG=1). */
export function reportFailureOn(diagnostics: DiagnosticList, file: string, error: unknown): void {
  diagnostics.error(file, undefined, 'internal-error', `could not be read: ${firstLine(error)}; ${REPORT_BUG}`);
  if (debugging()) process.stderr.write(`${describeFailure(`Checking ${file}`, error)}\n`);
}

/** Checks one file with `work`; an unexpected exception becomes an error on it, and the other files are still checked. */
export function guardFile<T>(diagnostics: DiagnosticList, file: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    reportFailureOn(diagnostics, file, error);
    return undefined;
  }
}
