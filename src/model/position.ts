/** Where something is written in a content file (1-based): what every reader keeps and every message points at. */
export interface Position {
  line: number;
  column: number;
}
