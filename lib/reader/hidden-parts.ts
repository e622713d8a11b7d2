/**
 * What a page shows that its HTML does not carry: the content of open shadow roots and of
 * same-origin frames. Widgets (a share button, an empty frame) are left out.
 */
import { ELEMENTS_PER_STEP, type ReadSteps } from './steps';

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

/** What hiddenParts finds: the hosts of open shadow roots, and frames with their bodies. */
export interface HiddenParts {
  hosts: Element[];
  frames: [HTMLIFrameElement, HTMLElement][];
}

/**
 * The hosts of open shadow roots that hold text, and the same-origin frames that do with their
 * bodies, found in steps: opening a frame's document is a step of its own. A query lists the
 * elements natively and each is asked one thing, where a walk in script asks each for its
 * neighbours too; the page is sent whole only under MAX_READABILITY_ELEMENTS elements.
 */
export function* hiddenParts(doc: Document): ReadSteps<HiddenParts> {
  const found: HiddenParts = { hosts: [], frames: [] };
  const elements = doc.querySelectorAll('*');
  for (let i = 0; i < elements.length; i++) {
    if (i % ELEMENTS_PER_STEP === ELEMENTS_PER_STEP - 1) yield;
    const root = elements[i].shadowRoot;
    if (root && holdsText(root)) found.hosts.push(elements[i]);
  }
  const frames = doc.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length; i++) {
    yield;
    const body = frameBody(frames[i]);
    if (body && holdsText(body)) found.frames.push([frames[i], body]);
  }
  return found;
}
