import type { Page } from 'playwright-core';

/** WCAG 2.0–2.2, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

interface AxeNode {
    target: unknown[];
    failureSummary?: string;
}
interface AxeRule {
    id: string;
    impact?: string | null;
    nodes: AxeNode[];
}
interface AxeOutcome {
    violations: AxeRule[];
    incomplete: AxeRule[];
}

export interface AxeReport {
    /** One line per failing element: rule, impact, where, why. */
    violations: string[];
    /** Rules axe could not decide ("needs review"). */
    needsReview: string[];
}

/** axe-core run in the page as it is now. */
export async function axeReport(page: Page): Promise<AxeReport> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
    const outcome = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeOutcome> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
        const keep = (rules: AxeRule[]) => rules.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
        return { violations: keep(result.violations), incomplete: keep(result.incomplete) };
    }, AXE_TAGS);
    return {
        violations: outcome.violations.flatMap((rule) => rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)),
        needsReview: outcome.incomplete.map((rule) => rule.id),
    };
}

/** What a screen reader would call the focused element (its label, title or text), and its tag. */
export async function focusedElement(page: Page): Promise<{ tag: string; name: string; inNewestMessage: boolean }> {
    return page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const messages = document.querySelectorAll('.webchat__basic-transcript__activity');
        return {
            tag: element?.tagName.toLowerCase() ?? '',
            name: (element?.getAttribute('aria-label') ?? element?.getAttribute('title') ?? element?.textContent ?? '').trim(),
            inNewestMessage: !!element && messages.length > 0 && messages[messages.length - 1].contains(element),
        };
    });
}

/**
 * True when the focused element's focus changes what is drawn around it: a focus ring, or anything
 * else a sighted keyboard user can see (not the caret: screenshots hide it).
 */
export async function showsFocus(page: Page): Promise<boolean> {
    const element = await page.evaluateHandle(() => document.activeElement as HTMLElement);
    const box = await element.asElement()?.boundingBox();
    if (!box) return false;
    const viewport = page.viewportSize()!;
    // Web Chat's message box is drawn 10 px around its input: the ring may sit that far out.
    const margin = 12;
    const x = Math.max(0, box.x - margin);
    const y = Math.max(0, box.y - margin);
    const clip = { x, y, width: Math.min(viewport.width - x, box.width + 2 * margin), height: Math.min(viewport.height - y, box.height + 2 * margin) };
    const focused = await page.screenshot({ clip, animations: 'disabled' });
    await element.evaluate((node) => node.blur());
    const blurred = await page.screenshot({ clip, animations: 'disabled' });
    // Back where it was, still in keyboard mode (:focus-visible), so the next Tab goes on from here.
    await element.evaluate((node) => node.focus({ preventScroll: true }));
    await element.dispose();
    return !focused.equals(blurred);
}

/**
 * Web Chat scrolls new messages into view smoothly, and stops where a new answer's top reaches the
 * top of the transcript (`autoScrollSnapOnPage`): wait until the transcript stops moving, seen as
 * the same scroll position on several polls in a row.
 */
export async function transcriptAtRest(page: Page): Promise<void> {
    await page.evaluate(() => {
        (window as unknown as { restProbe?: { top: number; same: number } }).restProbe = { top: -1, same: 0 };
    });
    await page.waitForFunction(
        () => {
            const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
            const probe = (window as unknown as { restProbe: { top: number; same: number } }).restProbe;
            if (!scroller) return false;
            probe.same = scroller.scrollTop === probe.top ? probe.same + 1 : 0;
            probe.top = scroller.scrollTop;
            return probe.same >= 3;
        },
        undefined,
        { timeout: 20_000, polling: 100 },
    );
}
