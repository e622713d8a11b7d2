/**
 * What a page shows that its HTML does not carry: the content of open shadow roots and of
 * same-origin frames. Widgets (a share button, an empty frame) are left out.
 */

/** Least text a shadow root or frame must hold to be read with the page: less is a widget, not an article. */
const MIN_HIDDEN_TEXT = 500;
const holdsText = (node: Node) => (node.textContent ?? '').trim().length >= MIN_HIDDEN_TEXT;

/** Whether a frame's address is of another origin than its page's: such a frame is not read, or even opened. */
function elsewhere(frame: HTMLIFrameElement): boolean {
  const src = frame.getAttribute('src');
  if (!src || src === 'about:blank' || src.startsWith('about:srcdoc')) return false;
  try {
    return new URL(src, frame.ownerDocument.baseURI).origin !== new URL(frame.ownerDocument.URL).origin;
  } catch {
    return true;
  }
}

/**
 * The body of a same-origin frame; null for one of another origin, not ours to read. A frame
 * whose address is elsewhere is passed by without asking for its document, which would set up
 * a context for it (milliseconds each, on a page with many advertisement frames).
 */
function frameBody(frame: HTMLIFrameElement): HTMLElement | null {
  if (elsewhere(frame)) return null;
  try {
    return frame.contentDocument?.body ?? null;
  } catch {
    return null;
  }
}

/** The hosts of open shadow roots that hold text, and the same-origin frames that do with their bodies. */
export function hiddenParts(doc: Document): { hosts: Element[]; frames: [HTMLIFrameElement, HTMLElement][] } {
  return {
    hosts: Array.from(doc.querySelectorAll('*')).filter((el) => el.shadowRoot && holdsText(el.shadowRoot)),
    frames: Array.from(doc.querySelectorAll('iframe')).flatMap((frame) => {
      const body = frameBody(frame);
      return body && holdsText(body) ? [[frame, body] as [HTMLIFrameElement, HTMLElement]] : [];
    }),
  };
}
