/** Reading the scripts' options: node:util's parseArgs does the parsing; this checks numbers. */
export function wholeNumber(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${option} must be a whole number of at least ${min}`);
  return n;
}
