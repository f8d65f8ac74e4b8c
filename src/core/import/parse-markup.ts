// htmlparser2 with two guards: nesting deeper than MAX_NESTING aborts the parse (the parser's
// own stack makes deep nesting quadratic), and in XML mode an element closed by implication
// (left open at the end, or by a mismatched end tag) marks the document broken.
import { DomHandler, type ChildNode } from "domhandler";
import { Parser } from "htmlparser2";
import { MAX_NESTING } from "./limits.ts";

export type Parsed = { ok: true; nodes: ChildNode[] } | { ok: false; reason: "broken" | "too-deep" };

class TooDeep extends Error {}

export function parseMarkup(text: string, xmlMode: boolean): Parsed {
  const dom = new DomHandler();
  let broken = false;
  let depth = 0;
  // htmlparser2 reports a self-closing tag as closed by implication, right after opening it.
  let justOpened: string | null = null;
  const parser = new Parser(
    {
      onparserinit: (p) => dom.onparserinit(p),
      onreset: () => dom.onreset(),
      onend: () => dom.onend(),
      onerror: (error) => {
        broken = true;
        dom.onerror(error);
      },
      onopentag: (name, attribs) => {
        if (++depth > MAX_NESTING) throw new TooDeep();
        justOpened = name;
        dom.onopentag(name, attribs);
      },
      onclosetag: (name, isImplied) => {
        if (isImplied && justOpened !== name) broken = true;
        depth--;
        justOpened = null;
        dom.onclosetag();
      },
      ontext: (data) => {
        justOpened = null;
        dom.ontext(data);
      },
      oncomment: (data) => dom.oncomment(data),
      oncommentend: () => dom.oncommentend(),
      oncdatastart: () => dom.oncdatastart(),
      oncdataend: () => dom.oncdataend(),
      onprocessinginstruction: (name, data) => dom.onprocessinginstruction(name, data),
    },
    { xmlMode },
  );
  try {
    parser.end(text);
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, reason: "too-deep" };
    throw error;
  }
  if (xmlMode && broken) return { ok: false, reason: "broken" };
  return { ok: true, nodes: dom.root.children };
}
