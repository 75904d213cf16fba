import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildGallery } from '../../tools/cardGalleryCli';
import { GALLERY_HOSTS, type GalleryHost } from '../../tools/cardGalleryPage';
import { createTranslator } from '../../core/i18n';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const WAIT = { timeout: 60_000 };
const WIDTHS = [1280, 390];
const HOSTS = Object.keys(GALLERY_HOSTS) as GalleryHost[];
const translator = createTranslator();

interface LayoutFaults {
    /** Buttons reaching past their card's left or right edge. */
    outside: string[];
    /** Words split across two lines between two letters (after a hyphen, slash, dash or "…" is a break the language allows). */
    brokenWords: string[];
    pageWiderThanWindow: boolean;
}

/** Runs in the page: what a reader would see cut off or broken. */
function layoutFaults(): LayoutFaults {
    const outside: string[] = [];
    const brokenWords: string[] = [];
    const range = document.createRange();
    const firstRect = (node: Node, start: number, end: number) => {
        range.setStart(node, start);
        range.setEnd(node, end);
        return Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    };
    document.querySelectorAll('[data-card]').forEach((slot) => {
        const key = slot.getAttribute('data-card');
        const card = slot.getBoundingClientRect();
        slot.querySelectorAll('.ac-pushButton').forEach((button) => {
            const box = button.getBoundingClientRect();
            if (box.width > 0 && (box.left < card.left - 0.5 || box.right > card.right + 0.5)) outside.push(`${key}: ${button.textContent}`);
        });
        const walker = document.createTreeWalker(slot, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
                const [word] = match;
                const start = match.index ?? 0;
                if (new Set(firstRect(node, start, start + word.length).map((rect) => Math.round(rect.top))).size < 2) continue;
                let previousTop: number | undefined;
                for (let i = 0; i < word.length; i++) {
                    const [rect] = firstRect(node, start + i, start + i + 1);
                    if (!rect) continue;
                    const top = Math.round(rect.top);
                    if (previousTop !== undefined && top !== previousTop && !/[-/…–—]/.test(word[i - 1])) brokenWords.push(`${key}: ${word}`);
                    previousTop = top;
                }
            }
        }
    });
    return { outside, brokenWords, pageWiderThanWindow: document.documentElement.scrollWidth > window.innerWidth };
}

describe('the card gallery (npm run cards) in Chromium', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let scratch: string | undefined;
    let gallery: { file: string; cards: number };

    before(async function () {
        if (!fs.existsSync(CHROMIUM)) {
            console.warn(`    skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
            this.skip();
        }
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-gallery-'));
        gallery = buildGallery(path.join(scratch, 'gallery.html'));
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    });

    after(async () => {
        await browser?.close();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    /** The gallery in one layout at one width, every card rendered; page errors, console errors and any request collected. */
    async function open(host: GalleryHost, width: number): Promise<{ page: Page; errors: string[] }> {
        const page = await browser!.newPage({ viewport: { width, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
        page.on('console', (message) => {
            if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`);
        });
        // Offline: the page is one file with the renderer inlined; anything it fetched would be a defect.
        await page.route(/^(?!file:)/, (route) => {
            errors.push(`request: ${route.request().url()}`);
            return route.abort();
        });
        await page.goto(`${pathToFileURL(gallery.file).href}?host=${host}`);
        await page.waitForSelector('body[data-rendered]', WAIT);
        return { page, errors };
    }

    for (const host of HOSTS) {
        it(`renders every card in both languages with the Adaptive Cards renderer, buttons as in ${GALLERY_HOSTS[host].label}, without a page or console error`, async () => {
            const { page, errors } = await open(host, 1280);
            assert.strictEqual(await page.getAttribute('body', 'data-host'), host);
            assert.ok(gallery.cards > 350, `${gallery.cards} cards`);
            assert.strictEqual(Number(await page.getAttribute('body', 'data-rendered')), gallery.cards, 'every card is rendered');
            assert.strictEqual(await page.locator('[data-card]:not(:has(.ac-adaptiveCard))').count(), 0, 'no empty slot');
            // Spot checks: a step in Turkish and in English, every welcome button, a staff card's Universal Action, a reminder, the report, Markdown.
            await page.locator('[data-card="tr:menu/welcome"]').getByText('Yeni e-imza başvurusu').waitFor(WAIT);
            await page.locator('[data-card="en:menu/welcome"]').getByText('New e-signature application').waitFor(WAIT);
            const welcomeButtons = await page.locator('[data-card="tr:menu/welcome"] .ac-pushButton:visible').allTextContents();
            assert.ok(welcomeButtons.includes(translator.t('tr', 'menu.options.reminders')), `the welcome menu shows all its buttons: ${welcomeButtons.join(', ')}`);
            await page.locator('[data-card="tr:staff/help/new"]').getByRole('button', { name: 'Üstlen' }).waitFor(WAIT);
            await page.locator('[data-card="tr:reminders/mine"]').getByText(translator.t('tr', 'renewalReminders.title')).first().waitFor(WAIT);
            await page.locator('[data-card="en:report"] .ac-adaptiveCard').waitFor(WAIT);
            assert.ok((await page.locator('.ac-textBlock strong').count()) > 0, 'bold Markdown is rendered');
            assert.deepStrictEqual(errors, []);
            await page.close();
        });
    }

    it('no button sticks out of its card and no word is broken mid-word, as Teams and as Web Chat lay the buttons out, at 1280 and 390 px', async () => {
        const faults: string[] = [];
        for (const host of HOSTS) {
            for (const width of WIDTHS) {
                const { page } = await open(host, width);
                const found = await page.evaluate(layoutFaults);
                const where = `${GALLERY_HOSTS[host].label} at ${width} px`;
                faults.push(...found.outside.map((fault) => `${where}, outside its card: ${fault}`), ...found.brokenWords.map((fault) => `${where}, broken: ${fault}`));
                if (found.pageWiderThanWindow) faults.push(`${where}: the page is wider than the window`);
                await page.close();
            }
        }
        assert.deepStrictEqual(faults, []);
    });

    it('the layout check sees a button pushed outside its card and a word broken mid-word', async () => {
        const { page } = await open('teams', 390);
        await page.evaluate(() => {
            const card = document.querySelector('[data-card="tr:menu/welcome"]')!;
            (card.querySelector('.ac-pushButton') as HTMLElement).style.minWidth = '2000px';
            const text = card.querySelector('.ac-textBlock') as HTMLElement;
            Object.assign(text.style, { width: '40px', wordBreak: 'break-all' });
        });
        const found = await page.evaluate(layoutFaults);
        assert.ok(
            found.outside.some((fault) => fault.startsWith('tr:menu/welcome')),
            'the widened button',
        );
        assert.ok(
            found.brokenWords.some((fault) => fault.startsWith('tr:menu/welcome')),
            'the squeezed text',
        );
        await page.close();
    });
});
