/** The typed tree the markdown subset parses into (parse.ts): no renderer ever sees markup. */

export interface MdText {
  type: 'text';
  text: string;
}
export interface MdStrong {
  type: 'strong';
  children: MdInline[];
}
export interface MdEmphasis {
  type: 'emphasis';
  children: MdInline[];
}
/** `href` is exactly what the delegate typed (backslash escapes removed) and passed isAllowedHref. */
export interface MdLink {
  type: 'link';
  href: string;
  children: MdInline[];
}
export interface MdLineBreak {
  type: 'lineBreak';
}
export type MdInline = MdText | MdStrong | MdEmphasis | MdLink | MdLineBreak;

/** An item of a nested list: nesting stops at one level. */
export interface MdNestedListItem {
  children: MdInline[];
}
export interface MdListItem {
  children: MdInline[];
  /** Lists nested under this item, in order (a new one starts when bullets and numbers alternate). */
  sublists?: MdList<MdNestedListItem>[];
}
export interface MdBulletList<Item = MdListItem> {
  type: 'bulletList';
  items: Item[];
}
export interface MdOrderedList<Item = MdListItem> {
  type: 'orderedList';
  /** The number the delegate gave the first item. */
  start: number;
  items: Item[];
}
export type MdList<Item = MdListItem> = MdBulletList<Item> | MdOrderedList<Item>;
export interface MdParagraph {
  type: 'paragraph';
  children: MdInline[];
}
export type MdBlock = MdParagraph | MdList;
