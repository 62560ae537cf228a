/**
 * Keyboard checks in a real page: Tab from the top of the page to the end, recording where focus
 * goes, and for every stop whether focus is visible, comparing the focused element's computed
 * look (outline, box shadow, background, colour, underline, borders, and those of its ::before,
 * ::after, the label after it and its parent) with its look before focus, and when no style
 * differs, the pixels around it.
 */
import type { Page } from 'playwright-core';
import { allowCompiledFunctions } from '../../support/browser.ts';

export interface FocusStop {
  id: number | null;
  description: string;
  visible: boolean;
  how: string;
}

export interface KeyboardResult {
  /** Every element that should be reachable by Tab. */
  candidates: { id: number; description: string; group?: string }[];
  stops: FocusStop[];
  unreachable: string[];
  noVisibleFocus: string[];
  positiveTabindex: string[];
  /** The first Tab stop as the walk found it: its mark in the page (data-kbd-id) and its box when focused. */
  firstStop?: { id: number | null; rect: { x: number; y: number; width: number; height: number } };
}

/* The functions below run inside the page: no closures over Node values, no imports. */

function pageSetup(): { id: number; description: string; group?: string; unfocused: string }[] {
  const w = window as unknown as { __kbd: { describe(el: Element): string; signature(el: Element): string } };
  // What a person can see change: outline, box shadow, background, colour, underline, borders,
  // and the size, clipping or position that reveal an element such as a skip link.
  const styleOf = (el: Element, pseudo?: string) => {
    const st = getComputedStyle(el, pseudo);
    if (pseudo && (st.content === 'none' || st.content === 'normal')) return '';
    const get = (p: string) => st.getPropertyValue(p);
    const none = (width: string, style: string) => style === 'none' || style === 'hidden' || parseFloat(width) === 0;
    const outline = none(get('outline-width'), get('outline-style')) ? 'none' : `${get('outline-style')} ${get('outline-width')} ${get('outline-color')} ${get('outline-offset')}`;
    const decoration = get('text-decoration-line') === 'none' ? 'none' : `${get('text-decoration-line')} ${get('text-decoration-style')} ${get('text-decoration-color')} ${get('text-decoration-thickness')}`;
    const borders = ['top', 'right', 'bottom', 'left']
      .map((side) => (none(get(`border-${side}-width`), get(`border-${side}-style`)) ? 'none' : `${get(`border-${side}-width`)} ${get(`border-${side}-style`)} ${get(`border-${side}-color`)}`))
      .join(',');
    return [outline, get('box-shadow'), get('background-color'), get('background-image'), get('color'), decoration, borders, get('clip'), get('clip-path'), get('position'), get('width'), get('height'), get('opacity'), get('filter'), get('transform')].join(';');
  };
  const parts = (el: Element): Element[] => {
    const list = [el];
    const next = el.nextElementSibling;
    if (next && next.tagName === 'LABEL') list.push(next);
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const label of labels) if (!list.includes(label)) list.push(label);
    if (el.parentElement) list.push(el.parentElement);
    return list;
  };
  w.__kbd = {
    describe(el: Element) {
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : '';
      const href = el.getAttribute('href');
      const name = el.getAttribute('name');
      return `<${el.tagName.toLowerCase()}${id}${cls}${href !== null ? ` href="${href}"` : ''}${name ? ` name="${name}"` : ''}>${text ? ` "${text}"` : ''}`;
    },
    signature(el: Element) {
      return parts(el).map((part) => [styleOf(part), styleOf(part, '::before'), styleOf(part, '::after')].join('|')).join('||');
    },
  };
  const selector = [
    'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', 'iframe', 'audio[controls]', 'video[controls]',
    '[contenteditable]:not([contenteditable="false"])', '[tabindex]',
  ].join(',');
  const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (el.matches(':disabled') || el.closest('[inert]')) return false;
    if (el.tabIndex < 0) return false;
    if (el.tagName === 'SUMMARY' && el.parentElement?.tagName !== 'DETAILS') return false;
    if (el.tagName === 'AREA') return true;
    return el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  });
  const w2 = w as unknown as { __kbd: { unfocused: Record<number, string> } };
  w2.__kbd.unfocused = {};
  return candidates.map((el, id) => {
    el.setAttribute('data-kbd-id', String(id));
    const type = el.getAttribute('type');
    const group = el.tagName === 'INPUT' && type === 'radio' && el.getAttribute('name') ? `radio:${el.getAttribute('name')}` : undefined;
    const unfocused = w.__kbd.signature(el);
    w2.__kbd.unfocused[id] = unfocused;
    return { id, description: w.__kbd.describe(el), group, unfocused };
  });
}

/** Where the focus is after a Tab press, as the page's keyup listener records it (see pageSetup). */
interface ActiveStop {
  id: number | null;
  description: string;
  signature: string;
  isBody: boolean;
  inViewport: boolean;
  rect: { x: number; y: number; width: number; height: number };
}

/**
 * Records in the page, on each Tab's keyup (the focus has moved and the page has scrolled to it),
 * where the focus is, as pageActive says: the walk then reads a batch of presses in one call
 * instead of one call a press. Once a press ends where the walk must stop and look (focus with no
 * change of style, to be compared in pixels; focus on nothing; the first stop again), further Tabs
 * are held (their keydown cancelled, so the focus stays) until the walk lets go.
 */
function pageRecorder(): void {
  const w = window as unknown as {
    __kbd: { describe(el: Element): string; signature(el: Element): string; unfocused: Record<number, string>; log: (ActiveStop | null)[]; hold: boolean; first?: string; blocked: boolean };
  };
  const active = (): ActiveStop | null => {
    let el: Element | null = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const isBody = el === document.body || el === document.documentElement;
    const r = el.getBoundingClientRect();
    const inViewport = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const id = el.getAttribute('data-kbd-id');
    return { id: id === null ? null : Number(id), description: w.__kbd.describe(el), signature: isBody ? '' : w.__kbd.signature(el), isBody, inViewport, rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
  };
  w.__kbd.log = [];
  w.__kbd.hold = false;
  w.__kbd.blocked = false;
  w.__kbd.first = undefined;
  // Once a page: a second walk of the same page resets the record above and keeps one pair of
  // listeners. (A document replaced by setContent keeps its window but loses the window's listeners,
  // so the pair is put back each walk rather than marked as added.)
  const keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    w.__kbd.blocked = w.__kbd.hold;
    if (w.__kbd.blocked) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  const keyup = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || w.__kbd.blocked) return;
    const stop = active();
    w.__kbd.log.push(stop);
    if (!stop || stop.isBody) {
      if (w.__kbd.first !== undefined) w.__kbd.hold = true;
      return;
    }
    const key = stop.id === null ? stop.description : String(stop.id);
    if (w.__kbd.first === undefined) w.__kbd.first = key;
    else if (key === w.__kbd.first) w.__kbd.hold = true;
    if (stop.id === null || w.__kbd.unfocused[stop.id] === stop.signature) w.__kbd.hold = true;
  };
  const listening = window as unknown as { __kbdListeners?: { keydown: typeof keydown; keyup: typeof keyup } };
  if (listening.__kbdListeners) {
    removeEventListener('keydown', listening.__kbdListeners.keydown, true);
    removeEventListener('keyup', listening.__kbdListeners.keyup, true);
  }
  listening.__kbdListeners = { keydown, keyup };
  addEventListener('keydown', keydown, true);
  addEventListener('keyup', keyup, true);
}

async function pixelsAround(page: Page, rect: { x: number; y: number; width: number; height: number }): Promise<Buffer | undefined> {
  const viewport = page.viewportSize()!;
  const pad = 8;
  const x = Math.max(0, Math.floor(rect.x - pad));
  const y = Math.max(0, Math.floor(rect.y - pad));
  const width = Math.min(viewport.width, Math.ceil(rect.x + rect.width + pad)) - x;
  const height = Math.min(viewport.height, Math.ceil(rect.y + rect.height + pad)) - y;
  if (width <= 0 || height <= 0) return undefined;
  return page.screenshot({ clip: { x, y, width, height }, animations: 'disabled', caret: 'hide' });
}

/** Tab presses sent before reading where they went; a press held by the page does nothing. */
const TABS_AT_ONCE = 8;

/** Tabs through a loaded page from its top and checks every stop. */
export async function tabThrough(page: Page): Promise<KeyboardResult> {
  await allowCompiledFunctions(page);
  const candidates = await page.evaluate(pageSetup);
  const unfocused = new Map(candidates.map((c) => [c.id, c.unfocused]));
  const positiveTabindex = await page.evaluate(() =>
    [...document.querySelectorAll('[tabindex]')].filter((el) => Number(el.getAttribute('tabindex')) > 0).map((el) => el.outerHTML.slice(0, 120)),
  );
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.evaluate(pageRecorder);
  const cdp = await page.context().newCDPSession(page);
  const stops: FocusStop[] = [];
  const reached = new Set<number>();
  const limit = candidates.length * 2 + 20;
  let first: string | undefined;
  let firstStop: KeyboardResult['firstStop'];
  // Tabs in batches, the page recording each press and holding the focus where the walk must look
  // (pageRecorder): one read of where a batch went instead of a read and a key round trip a press.
  let steps = 0;
  let presses = 0;
  walk: while (steps < limit && presses < limit * 3) {
    const batch = Math.min(TABS_AT_ONCE, limit - steps);
    // Sent at once, as raw key events: chromium handles them in order, each after the one before.
    await Promise.all(
      Array.from({ length: batch }, () => [
        cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 }),
      ]).flat(),
    );
    presses += batch;
    const log = await page.evaluate(() => {
      const w = window as unknown as { __kbd: { log: unknown[] } };
      const entries = w.__kbd.log;
      w.__kbd.log = [];
      return entries as (ActiveStop | null)[];
    });
    for (const active of log) {
      if (steps++ >= limit) break walk;
      if (!active || active.isBody) {
        if (stops.length > 0) break walk;
        continue;
      }
      const key = active.id === null ? active.description : String(active.id);
      if (first === undefined) {
        first = key;
        firstStop = { id: active.id, rect: active.rect };
      } else if (key === first) break walk;
      let visible = false;
      let how = 'no change in outline, shadow, background, colour, underline or border';
      const before = active.id === null ? undefined : unfocused.get(active.id);
      if (before !== undefined && before !== active.signature) {
        visible = true;
        how = 'style';
      } else {
        // Still focused: the page held further Tabs. Compare the pixels around the element focused
        // and not focused, then give focus back and let the Tabs go on.
        const focusedPixels = await pixelsAround(page, active.rect);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const blurredPixels = await pixelsAround(page, active.rect);
        await page.evaluate((id) => {
          const el = id === null ? null : document.querySelector<HTMLElement>(`[data-kbd-id="${id}"]`);
          el?.focus({ preventScroll: true });
          (window as unknown as { __kbd: { hold: boolean } }).__kbd.hold = false;
        }, active.id);
        if (focusedPixels && blurredPixels && !focusedPixels.equals(blurredPixels)) {
          visible = true;
          how = 'pixels';
        }
      }
      if (!active.inViewport) {
        visible = false;
        how = 'the focused element is outside the viewport';
      }
      if (active.id !== null) reached.add(active.id);
      stops.push({ id: active.id, description: active.description, visible, how });
    }
  }
  await cdp.detach();
  const reachedGroups = new Set(candidates.filter((c) => reached.has(c.id) && c.group).map((c) => c.group));
  const unreachable = candidates.filter((c) => !reached.has(c.id) && !(c.group && reachedGroups.has(c.group))).map((c) => c.description);
  const noVisibleFocus = stops.filter((s) => !s.visible).map((s) => `${s.description}: ${s.how}`);
  // Tabs go through again: the skip link's check may follow on this page.
  await page.evaluate(() => ((window as unknown as { __kbd: { hold: boolean } }).__kbd.hold = false));
  return { candidates: candidates.map(({ id, description, group }) => ({ id, description, group })), stops, unreachable, noVisibleFocus, positiveTabindex, ...(firstStop ? { firstStop } : {}) };
}

export interface SkipLinkResult {
  problems: string[];
}

/**
 * The first Tab stop is a visible skip link whose target exists and takes the focus onwards. On a
 * page as loaded, Tab finds the first stop; after a Tab walk of the page (`walked`), the walk's first
 * stop is focused again, and its box is the one the walk saw when Tab focused it, so the page need not
 * be loaded again: what Enter and the next Tab do depends only on the focus being on the skip link.
 */
export async function checkSkipLink(page: Page, walked?: KeyboardResult): Promise<SkipLinkResult> {
  await allowCompiledFunctions(page);
  const problems: string[] = [];
  if (walked && !walked.firstStop) return { problems: ['the first Tab focuses nothing'] };
  if (walked?.firstStop?.id === null) return { problems: [`the first Tab stop is not a skip link: ${walked.stops[0]?.description ?? 'an element the walk could not mark'}`] };
  if (!walked) {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
  }
  const first = await page.evaluate((id) => {
    if (id !== undefined) document.querySelector<HTMLElement>(`[data-kbd-id="${id}"]`)?.focus();
    const el = document.activeElement as HTMLAnchorElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    return { tag: el.tagName, href: el.getAttribute('href') ?? '', text: (el.innerText ?? '').trim(), width: r.width, height: r.height, top: r.top, left: r.left };
  }, walked?.firstStop?.id ?? undefined);
  if (first && walked?.firstStop) Object.assign(first, { width: walked.firstStop.rect.width, height: walked.firstStop.rect.height, top: walked.firstStop.rect.y, left: walked.firstStop.rect.x });
  if (!first) return { problems: ['the first Tab focuses nothing'] };
  // A skip link in English ("Skip to main content") or in Welsh ("Neidio i'r prif gynnwys").
  if (first.tag !== 'A' || !first.href.startsWith('#') || !/skip|neidio/i.test(first.text)) {
    return { problems: [`the first Tab stop is not a skip link: <${first.tag.toLowerCase()} href="${first.href}"> "${first.text}"`] };
  }
  if (first.width < 10 || first.height < 10 || first.top < 0 || first.left < 0) problems.push(`the skip link is not visible when focused (${Math.round(first.width)}×${Math.round(first.height)} px at ${Math.round(first.left)},${Math.round(first.top)})`);
  const targetId = decodeURIComponent(first.href.slice(1));
  const target = await page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const inside = [...el.querySelectorAll<HTMLElement>(selector)].some((c) => !c.matches(':disabled') && c.checkVisibility());
    return { tag: el.tagName.toLowerCase(), hasFocusable: inside };
  }, targetId);
  if (!target) return { problems: [...problems, `the skip link points to #${targetId}, which is not in the page`] };
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  const hash = await page.evaluate(() => location.hash);
  if (decodeURIComponent(hash.slice(1)) !== targetId) problems.push(`Enter on the skip link left the address at "${hash}", not #${targetId}`);
  await page.keyboard.press('Tab');
  const next = await page.evaluate((id) => {
    const target = document.getElementById(id)!;
    const active = document.activeElement;
    if (!active || active === document.body) return { where: 'nothing' };
    if (target === active || target.contains(active)) return { where: 'inside' };
    return { where: target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before', what: `<${active.tagName.toLowerCase()}> "${((active as HTMLElement).innerText ?? '').trim().slice(0, 40)}"` };
  }, targetId);
  const expected = target.hasFocusable ? 'inside' : 'after';
  if (next.where !== expected) problems.push(`after the skip link, Tab went ${next.where === 'nothing' ? 'nowhere' : `${next.where} the main content, to ${next.what}`}, not to the first control ${expected === 'inside' ? 'inside' : 'after'} #${targetId}`);
  return { problems };
}
