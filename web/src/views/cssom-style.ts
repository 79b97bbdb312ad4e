// Inline styles set through the CSSOM: the page's Content-Security-Policy (style-src 'self') blocks
// style attributes, including the one Lit's styleMap writes on a first render, but not el.style.
import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

class CssomStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssomStyle() goes on an element: <div ${cssomStyle({...})}>');
  }

  render(_styles: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    return noChange;
  }
}

/** `<div ${cssomStyle({ height: '420px' })}>`: sets those properties on the element's style. */
export const cssomStyle = directive(CssomStyle);
