import type { MdInline, MdText } from './tree';

/** The inline parser's linked node list, delimiter stack and bracket stack (CommonMark's algorithm). */

export interface Node {
  inline: MdInline;
  prev: Node | null;
  next: Node | null;
}

export interface Delimiter {
  node: Node & { inline: MdText };
  ch: '*' | '_';
  length: number;
  readonly origLength: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

export interface Bracket {
  node: Node;
  /** Index in the source of `[` (or of `!` for `![`). */
  start: number;
  image: boolean;
  active: boolean;
  prev: Bracket | null;
  /** The delimiter stack's top when this bracket was opened. */
  delimiterBottom: Delimiter | null;
}
