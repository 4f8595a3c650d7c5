/**
 * A tiny DOM builder. Text is always set as text (text nodes, textContent), never parsed
 * as HTML: scenario and save text comes from strangers.
 */

type Child = Node | string | number | null | undefined | false;
type Props = {
  class?: string;
  testid?: string;
  title?: string;
  role?: string;
  label?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.testid) node.dataset.testid = props.testid;
  if (props.title) node.title = props.title;
  if (props.role) node.setAttribute('role', props.role);
  if (props.label) node.setAttribute('aria-label', props.label);
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  if (props.on) {
    for (const [type, handler] of Object.entries(props.on)) node.addEventListener(type, handler as EventListener);
  }
  append(node, children);
  return node;
}

export function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces a node's children. */
export function fill(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

// Panels update on every store change: writing only what changed leaves the rest of the
// page clean, so the browser restyles and lays out just that (the end-turn frame's budget).

/** Sets a node's text, unless it already reads so. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute, unless it already has that value. */
export function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Sets an element's class list, unless it already is that. */
export function setClass(node: Element, value: string): void {
  if (node.getAttribute('class') !== value) node.setAttribute('class', value);
}

/** Sets one inline style property, unless it already has that value. */
export function setStyle(node: ElementCSSInlineStyle, property: string, value: string): void {
  if (node.style.getPropertyValue(property) !== value) node.style.setProperty(property, value);
}

/**
 * Publishes `node`'s laid-out height on the page's root as the CSS variable `name` (removed
 * while it measures 0: hidden or off the page), so that what it stands over keeps clear of
 * it as it grows and shrinks.
 */
export function publishHeight(node: HTMLElement, name: string): void {
  const root = document.documentElement.style;
  new ResizeObserver(() => {
    const height = node.offsetHeight;
    if (height > 0) root.setProperty(name, `${height}px`);
    else root.removeProperty(name);
  }).observe(node);
}

const filledWith = new WeakMap<Node, string>();
/** Replaces a node's children with `build()`'s, unless `key` is the one they were built for. */
export function fillKeyed(node: Node, key: string, build: () => Child[]): void {
  if (filledWith.get(node) === key) return;
  filledWith.set(node, key);
  fill(node, ...build());
}

export function button(text: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const b = el('button', { ...props, attrs: { type: 'button', ...props.attrs } }, text);
  b.addEventListener('click', onClick);
  return b;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: SVGElement[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.appendChild(c);
  return node;
}
