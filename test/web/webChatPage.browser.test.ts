import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fromRoot } from '../../core/projectPaths';
import { startTestServer, type TestServer } from './startTestServer';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Written under dist/ (a build folder): a test run must not change tracked files. Copy it to docs/images/ to refresh the README.
const SCREENSHOT = fromRoot('dist', 'screenshots', 'webchat.png');
const WAIT = { timeout: 20_000 };

describe('the web chat page in Chromium (local Direct Line)', function () {
    this.timeout(90_000);
    let bot: TestServer | undefined;
    let browser: Browser | undefined;
    let page: Page;

    before(async function () {
        if (!fs.existsSync(CHROMIUM)) {
            console.warn(`    skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
            this.skip();
        }
        bot = await startTestServer();
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    });

    after(async () => {
        await browser?.close();
        await bot?.stop();
    });

    beforeEach(async () => {
        page = await browser!.newPage({ viewport: { width: 900, height: 900 }, locale: 'tr-TR' });
    });

    afterEach(async () => {
        await page.close();
    });

    const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');
    const type = async (text: string) => {
        await sendBox().fill(text);
        await sendBox().press('Enter');
    };

    it('greets in Turkish, takes typed text, and a card button click starts the guided flow', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        assert.strictEqual(await page.locator('html').getAttribute('lang'), 'tr');
        assert.match(await page.title(), /Bezmialem Vakıf Üniversitesi Kütüphanesi/);
        await page.getByText(/Merhaba/).first().waitFor(WAIT);

        await type('menü');
        await page.getByText('menü', { exact: true }).first().waitFor(WAIT);
        const firstStepButtons = page.getByRole('button', { name: 'Yeni e-imza başvurusu' });
        await page.waitForFunction(() => document.querySelectorAll('.webchat__basic-transcript__activity').length >= 3, undefined, WAIT);
        await firstStepButtons.last().click();
        await page.getByText(/Adım 1 \/ 18/).first().waitFor(WAIT);

        // Web Chat scrolls new activities into view smoothly: shoot once the transcript rests at the bottom.
        await page.waitForFunction(() => {
            const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
            return !!scroller && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
        }, undefined, WAIT);
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        assert.ok(fs.statSync(SCREENSHOT).size > 10_000, 'the screenshot shows the page');
    });

    it('the whole guided flow can be walked by clicking, to "Başvuru Formu Bekleniyor"', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page.getByText(/Merhaba/).first().waitFor(WAIT);
        const clicks: [string, RegExp][] = [
            ['Yeni e-imza başvurusu', /Adım 1 \/ 18/],
            ['Evet, gönderdim', /Adım 2 \/ 18/],
            ['Hayır, yok', /Adım 3 \/ 18/],
            ['Evet, geldi', /Adım 4 \/ 18/],
            ['Hayır, yok', /Adım 5 \/ 18/],
            ['Giriş yaptım', /Adım 6 \/ 18/],
            ...Array.from({ length: 9 }, (_, i): [string, RegExp] => ['Tamam, tıkladım', new RegExp(`Adım ${7 + i} / 18`)]),
            ['“Devam”a tıkladım', /Adım 16 \/ 18/],
            ['Kodu girdim, “Devam”a tıkladım', /Adım 17 \/ 18/],
            ['“Islak İmzalı Onaylamak için Formu İndir”e tıkladım', /Adım 18 \/ 18/],
            ['Tamam, formu getireceğim', /Başvuru adımlarını tamamladınız/],
        ];
        for (const [button, next] of clicks) {
            await page.getByRole('button', { name: button, exact: true }).last().click();
            await page.getByText(next).first().waitFor(WAIT);
        }
        await page.getByText('Başvuru Formu Bekleniyor').first().waitFor(WAIT);
    });

    it('a click shows the choice as the user\'s own message; a button of an older card is understood for what it is', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page.getByText(/Merhaba/).first().waitFor(WAIT);
        const userSaid = (text: string) => page.locator('.webchat__stacked-layout--from-user', { hasText: text });
        await page.getByRole('button', { name: 'Yeni e-imza başvurusu', exact: true }).last().click();
        await page.getByText(/Adım 1 \/ 18/).first().waitFor(WAIT);
        await userSaid('Yeni e-imza başvurusu').first().waitFor(WAIT);
        for (const [button, next] of [['Evet, gönderdim', /Adım 2 \/ 18/], ['Hayır, yok', /Adım 3 \/ 18/]] as const) {
            await page.getByRole('button', { name: button, exact: true }).last().click();
            await page.getByText(next).first().waitFor(WAIT);
            await userSaid(button).first().waitFor(WAIT);
        }

        // Step 1's "Evet, gönderdim", scrolled up to and clicked at step 3: not taken for step 3.
        await page.getByRole('button', { name: 'Evet, gönderdim', exact: true }).first().click();
        await page.getByText(/Bu düğme başka bir adıma ait/).first().waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Adım 4 \/ 18/).count(), 0, 'not moved on to step 4');

        // The welcome card's "Ücretler": the fees, with step 3 kept in one line.
        await page.getByRole('button', { name: 'Ücretler', exact: true }).first().click();
        await page.getByText(/Şu anki adımınız · Adım 3 \/ 18/).first().waitFor(WAIT);
        await userSaid('Ücretler').first().waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Bunu anlayamadım/).count(), 0);
    });

    it('on a 390 px phone, an answer typed mid-flow arrives with its first line in view', async () => {
        const phone = await browser!.newPage({ viewport: { width: 390, height: 844 }, locale: 'tr-TR' });
        try {
            await phone.goto(`${bot!.baseUrl}/`);
            await phone.getByText(/Merhaba/).first().waitFor(WAIT);
            await phone.getByRole('button', { name: 'Yeni e-imza başvurusu', exact: true }).last().click();
            await phone.getByText(/Adım 1 \/ 18/).first().waitFor(WAIT);
            await phone.locator('[data-id="webchat-sendbox-input"]').fill('formu nereye götüreceğim');
            await phone.locator('[data-id="webchat-sendbox-input"]').press('Enter');
            const title = phone.getByText('Islak imzalı form: ne yapılır, nereye götürülür?').last();
            await title.waitFor(WAIT);
            await phone.getByText(/Şu anki adımınız · Adım 1 \/ 18/).last().waitFor(WAIT);
            // Once the transcript has stopped scrolling, the answer's title is inside the visible transcript.
            await phone.waitForFunction(() => {
                const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
                if (!scroller) return false;
                const last = scroller.scrollTop;
                return new Promise((resolve) => setTimeout(() => resolve(scroller.scrollTop === last), 300));
            }, undefined, WAIT);
            const seen = await title.evaluate((element) => {
                const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
                if (!scroller) return false;
                const box = element.getBoundingClientRect();
                const view = scroller.getBoundingClientRect();
                return box.top >= view.top && box.bottom <= view.bottom;
            });
            assert.ok(seen, 'the answer\'s title is in view after it arrives');
        } finally {
            await phone.close();
        }
    });

    it('a reload resumes the same conversation with its history', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page.getByText(/Merhaba/).first().waitFor(WAIT);
        await page.getByRole('button', { name: 'Yeni e-imza başvurusu' }).last().click();
        await page.getByText(/Adım 1 \/ 18/).first().waitFor(WAIT);

        await page.reload();
        await page.getByText(/Adım 1 \/ 18/).first().waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Merhaba/).count(), 1, 'one welcome: the conversation was resumed, not restarted');
    });

    it('the language link switches the page and the welcome to English', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page.getByRole('link', { name: 'Switch to English' }).click();
        await page.waitForURL(/lang=en/);
        assert.strictEqual(await page.locator('html').getAttribute('lang'), 'en');
        await page.getByText(/Hello/).first().waitFor(WAIT);
        await page.getByRole('button', { name: 'New e-signature application' }).first().waitFor(WAIT);
    });
});
