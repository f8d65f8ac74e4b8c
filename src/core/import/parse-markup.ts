// htmlparser2 with two guards: deep nesting aborts (the parser's stack makes it quadratic), and in
// XML mode an element closed by implication (left open, mismatched end tag) marks the XML broken.
import { DomHandler, type ChildNode } from "domhandler";
import { Parser } from "htmlparser2";
import { MAX_NESTING } from "./limits.ts";

class TooDeep extends Error {}

class GuardedHandler extends DomHandler {
  broken = false;
  private depth = 0;
  // htmlparser2 reports a self-closing tag as closed by implication, right after opening it.
  private justOpened: string | null = null;

  override onerror(error: Error): void {
    this.broken = true;
    super.onerror(error);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep();
    this.justOpened = name;
    super.onopentag(name, attribs);
  }

  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied === true && this.justOpened !== name) this.broken = true;
    this.depth--;
    this.justOpened = null;
    super.onclosetag();
  }

  override ontext(data: string): void {
    this.justOpened = null;
    super.ontext(data);
  }
}

/** The parsed nodes, or null when the markup nests too deeply or (in XML mode) is broken. */
export function parseMarkup(text: string, xmlMode: boolean): ChildNode[] | null {
  const dom = new GuardedHandler();
  try {
    new Parser(dom, { xmlMode }).end(text);
  } catch (error) {
    if (error instanceof TooDeep) return null;
    throw error;
  }
  return xmlMode && dom.broken ? null : dom.root.children;
}
