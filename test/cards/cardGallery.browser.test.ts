import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser } from 'playwright-core';
import { buildGallery } from '../../app/cardGalleryCli';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const WAIT = { timeout: 30_000 };

describe('the card gallery (npm run cards) in Chromium', function () {
    this.timeout(90_000);
    let browser: Browser | undefined;
    let scratch: string | undefined;

    before(async function () {
        if (!fs.existsSync(CHROMIUM)) {
            console.warn(`    skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
            this.skip();
        }
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-gallery-'));
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    });

    after(async () => {
        await browser?.close();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('renders every card in both languages with the Adaptive Cards renderer, without a page or console error', async () => {
        const { file, cards } = buildGallery(path.join(scratch!, 'gallery.html'));
        const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
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
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('body[data-rendered]', WAIT);
        assert.strictEqual(Number(await page.getAttribute('body', 'data-rendered')), cards, 'every card is rendered');
        assert.strictEqual(await page.locator('[data-card]:not(:has(.ac-adaptiveCard))').count(), 0, 'no empty slot');
        // Spot checks: a step in Turkish and in English, a staff card's Universal Action, Markdown turned into HTML.
        await page.locator('[data-card="tr:menu/welcome"]').getByText('Yeni e-imza başvurusu').waitFor(WAIT);
        await page.locator('[data-card="en:menu/welcome"]').getByText('New e-signature application').waitFor(WAIT);
        await page.locator('[data-card="tr:staff/help/new"]').getByRole('button', { name: 'Üstlen' }).waitFor(WAIT);
        assert.ok(await page.locator('.ac-textBlock strong').count() > 0, 'bold Markdown is rendered');
        assert.deepStrictEqual(errors, []);
        await page.close();
    });
});
