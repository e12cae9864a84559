/**
 * Small element trees cut from a streamed XML document: the chosen children of the root (one CVR, one
 * Election) are built whole and handed over one at a time, everything else passes by unbuilt.
 */
import { createReadStream } from 'node:fs';
import { saxEvents } from './sax.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

/** The first child with this (prefix-free) name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child with this name, if there is one. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const c = child(node, name);
  return c === undefined ? undefined : c.text.trim();
}

/** The root's name, then each child of the root that `wanted` picks, built whole. */
export async function* rootChildren(path: string, wanted: (name: string) => boolean): AsyncIterable<XmlNode | { root: string }> {
  const stack: XmlNode[] = [];
  let depth = 0;
  for await (const batch of saxEvents(createReadStream(path), path)) {
    const done: (XmlNode | { root: string })[] = [];
    for (const e of batch) {
      if (e.kind === 'open') {
        depth++;
        if (depth === 1) done.push({ root: e.name });
        else if (stack.length > 0 || (depth === 2 && wanted(e.name))) {
          const node: XmlNode = { name: e.name, attrs: e.attrs, children: [], text: '', line: e.line };
          stack.at(-1)?.children.push(node);
          stack.push(node);
        }
      } else if (e.kind === 'text') {
        const top = stack.at(-1);
        if (top) top.text += e.text;
      } else {
        depth--;
        const node = stack.length > 0 && depth + 1 >= 2 ? stack.pop() : undefined;
        if (node && stack.length === 0) done.push(node);
      }
    }
    yield* done;
  }
}
