import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTranslator } from '../../core/i18n';
import { fromRoot } from '../../core/projectPaths';
import { loadInstitutionProfile } from '../../institution/institutionProfile';
import { pageLanguage } from '../../web/webChatPage';
import { axeReport, focusedElement, showsFocus, transcriptAtRest } from './pageChecks';
import { startTestServer, type TestServer } from './startTestServer';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Written under dist/ (a build folder): a test run must not change tracked files. Copy it to docs/images/ to refresh the README.
const SCREENSHOT = fromRoot('dist', 'screenshots', 'webchat.png');
const WAIT = { timeout: 20_000 };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const translator = createTranslator();
const profile = loadInstitutionProfile(fromRoot('institution', 'profile.json'));
const pageIn = { tr: pageLanguage('tr', translator, profile), en: pageLanguage('en', translator, profile) };
const say = (language: 'tr' | 'en', key: string, values?: Record<string, unknown>) => translator.t(language, key, values);

describe('the web chat page in Chromium (local Direct Line)', function () {
    this.timeout(120_000);
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
    const click = (name: string) => page.getByRole('button', { name, exact: true }).last().click();
    const newestMessage = () => page.locator('.webchat__basic-transcript__activity').last();

    it('greets in Turkish, takes typed text, and a card button click starts the guided flow', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        assert.strictEqual(await page.locator('html').getAttribute('lang'), 'tr');
        assert.match(await page.title(), /Bezmialem Vakıf Üniversitesi Kütüphanesi/);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);

        await type('menü');
        await page.getByText('menü', { exact: true }).first().waitFor(WAIT);
        await page.waitForFunction(() => document.querySelectorAll('.webchat__basic-transcript__activity').length >= 3, undefined, WAIT);
        await click('Yeni e-imza başvurusu');
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);

        await transcriptAtRest(page);
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        assert.ok(fs.statSync(SCREENSHOT).size > 10_000, 'the screenshot shows the page');
    });

    it('the whole guided flow can be walked by clicking, to "Başvuru Formu Bekleniyor"', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
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
            await click(button);
            await page.getByText(next).first().waitFor(WAIT);
        }
        await page.getByText('Başvuru Formu Bekleniyor').first().waitFor(WAIT);
    });

    it("a click shows the choice as the user's own message; a button of an older card is understood for what it is", async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        const userSaid = (text: string) => page.locator('.webchat__stacked-layout--from-user', { hasText: text });
        await page.getByRole('button', { name: 'Yeni e-imza başvurusu', exact: true }).last().click();
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);
        await userSaid('Yeni e-imza başvurusu').first().waitFor(WAIT);
        for (const [button, next] of [
            ['Evet, gönderdim', /Adım 2 \/ 18/],
            ['Hayır, yok', /Adım 3 \/ 18/],
        ] as const) {
            await page.getByRole('button', { name: button, exact: true }).last().click();
            await page.getByText(next).first().waitFor(WAIT);
            await userSaid(button).first().waitFor(WAIT);
        }

        // Step 1's "Evet, gönderdim", scrolled up to and clicked at step 3: not taken for step 3.
        await page.getByRole('button', { name: 'Evet, gönderdim', exact: true }).first().click();
        await page
            .getByText(/Bu düğme başka bir adıma ait/)
            .first()
            .waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Adım 4 \/ 18/).count(), 0, 'not moved on to step 4');

        // The welcome card's "Ücretler": the fees, with step 3 kept in one line.
        await page.getByRole('button', { name: 'Ücretler', exact: true }).first().click();
        await page
            .getByText(/Şu anki adımınız · Adım 3 \/ 18/)
            .first()
            .waitFor(WAIT);
        await userSaid('Ücretler').first().waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Bunu anlayamadım/).count(), 0);
    });

    it('on a 390 px phone, an answer typed mid-flow arrives with its first line in view', async () => {
        const phone = await browser!.newPage({ viewport: { width: 390, height: 844 }, locale: 'tr-TR' });
        try {
            await phone.goto(`${bot!.baseUrl}/`);
            await phone
                .getByText(/Merhaba/)
                .first()
                .waitFor(WAIT);
            await phone.getByRole('button', { name: 'Yeni e-imza başvurusu', exact: true }).last().click();
            await phone
                .getByText(/Adım 1 \/ 18/)
                .first()
                .waitFor(WAIT);
            await phone.locator('[data-id="webchat-sendbox-input"]').fill('formu nereye götüreceğim');
            await phone.locator('[data-id="webchat-sendbox-input"]').press('Enter');
            const title = phone.getByText('Islak imzalı form: ne yapılır, nereye götürülür?').last();
            await title.waitFor(WAIT);
            await phone
                .getByText(/Şu anki adımınız · Adım 1 \/ 18/)
                .last()
                .waitFor(WAIT);
            // Once the transcript has stopped scrolling, the answer's title is inside the visible transcript.
            await phone.waitForFunction(
                () => {
                    const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
                    if (!scroller) return false;
                    const last = scroller.scrollTop;
                    return new Promise((resolve) => setTimeout(() => resolve(scroller.scrollTop === last), 300));
                },
                undefined,
                WAIT,
            );
            const seen = await title.evaluate((element) => {
                const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
                if (!scroller) return false;
                const box = element.getBoundingClientRect();
                const view = scroller.getBoundingClientRect();
                return box.top >= view.top && box.bottom <= view.bottom;
            });
            assert.ok(seen, "the answer's title is in view after it arrives");
        } finally {
            await phone.close();
        }
    });

    it('a reload resumes the same conversation with its history', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        await click('Yeni e-imza başvurusu');
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);

        await page.reload();
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);
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

    it('has no axe-core violations (WCAG 2.2 A/AA, best practice) at 1280 and 390 px: welcome, steps, a typed answer, a ticket, English', async () => {
        const failures: string[] = [];
        const needsReview = new Set<string>();
        const check = async (state: string) => {
            await transcriptAtRest(page);
            for (const size of [DESKTOP, PHONE]) {
                await page.setViewportSize(size);
                await transcriptAtRest(page);
                const report = await axeReport(page);
                failures.push(...report.violations.map((violation) => `${state} at ${size.width} px: ${violation}`));
                report.needsReview.forEach((rule) => needsReview.add(rule));
            }
        };
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        await check('welcome');

        await click(say('tr', 'menu.options.first'));
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);
        await click('Evet, gönderdim');
        await page
            .getByText(/Adım 2 \/ 18/)
            .first()
            .waitFor(WAIT);
        await click('Hayır, yok');
        await page
            .getByText(/Adım 3 \/ 18/)
            .first()
            .waitFor(WAIT);
        await check('steps');

        // The answer with the step's one-line reminder under it: the step's number shown twice.
        await type('sms kodu gelmedi');
        await page.getByText(say('tr', 'answers.smsNotReceived.title')).first().waitFor(WAIT);
        await page.waitForFunction(() => document.body.innerText.split('Adım 3 / 18').length > 2, undefined, WAIT);
        await check('a typed answer');

        await type('menü');
        await click(say('tr', 'menu.options.askLibrary'));
        await type('Formu kime teslim edeceğim?');
        await page
            .getByText(/Adınız/)
            .last()
            .waitFor(WAIT);
        await type('Ayşe Yılmaz');
        await page
            .getByText(/e-posta adresiniz/)
            .last()
            .waitFor(WAIT);
        await type(`ayse.yilmaz@${profile.institutionalEmailDomain}`);
        await page.getByText(/#1001/).first().waitFor(WAIT);
        await check('a ticket');

        await click(say('tr', 'menu.options.language'));
        await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, WAIT);
        await page.getByText(say('en', 'menu.title')).last().waitFor(WAIT);
        await check('English');

        assert.deepStrictEqual(failures, []);
        // Web Chat's own user bubble (aria-labelledby on a plain div) is the one rule axe leaves for a person to review.
        console.log(`      axe: 0 violations in 5 states × 2 widths; needs review: ${[...needsReview].join(', ') || 'none'}`);
    });

    it("works with the keyboard alone: Tab reaches the newest card's buttons in order, then the message box; Enter and Space choose; focus follows the answer; every stop shows a ring", async () => {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        await transcriptAtRest(page);
        const menuButtons = await newestMessage()
            .getByRole('button')
            .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
        assert.strictEqual(menuButtons[0], say('tr', 'menu.options.first'));

        const stops: string[] = [];
        const unringed: string[] = [];
        const tab = async (key = 'Tab') => {
            await page.keyboard.press(key);
            const focused = await focusedElement(page);
            stops.push(focused.name);
            if (!(await showsFocus(page))) unringed.push(focused.name);
            return focused;
        };
        // From the top of the page to the welcome card's first button, in at most five steps.
        for (let i = 0; i < 5 && stops[stops.length - 1] !== menuButtons[0]; i++) await tab();
        assert.strictEqual(stops[0], pageIn.tr.texts.switchLanguageLabel, 'first the language link');
        assert.strictEqual(stops[1], pageIn.tr.texts.keyboardTitle, 'then the keyboard note');
        assert.strictEqual(stops[stops.length - 1], menuButtons[0], `Tab reaches the card's first button: ${stops.join(' → ')}`);
        // Every button of the card, in the order shown, then the message box and its send button.
        for (const name of menuButtons.slice(1)) assert.strictEqual((await tab()).name, name);
        assert.strictEqual((await tab()).name, pageIn.tr.webChatStrings.TEXT_INPUT_ALT, 'after the last button: the message box');
        assert.strictEqual((await tab()).name, pageIn.tr.webChatStrings.TEXT_INPUT_SEND_BUTTON_ALT);
        // And back: Shift+Tab from the message box lands on the card's last button.
        await tab('Shift+Tab');
        assert.strictEqual((await tab('Shift+Tab')).name, menuButtons[menuButtons.length - 1]);
        assert.deepStrictEqual(unringed, [], 'every focus stop is visibly marked');

        // Enter on a button: once the answer is in, focus is on the new card's first button.
        await page.getByRole('button', { name: menuButtons[0], exact: true }).last().focus();
        await page.keyboard.press('Enter');
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);
        await page.waitForFunction(
            () => {
                const messages = document.querySelectorAll('.webchat__basic-transcript__activity');
                const focused = document.activeElement;
                return !!focused && focused.tagName === 'BUTTON' && messages[messages.length - 1].contains(focused);
            },
            undefined,
            WAIT,
        );
        const stepOne = await focusedElement(page);
        assert.strictEqual(stepOne.name, 'Evet, gönderdim');
        assert.ok(await showsFocus(page), 'the moved focus is visible');

        // Space on the second button: step 2, focus again on the newest card.
        await page.keyboard.press('Tab');
        assert.strictEqual((await focusedElement(page)).name, 'Hayır, henüz göndermedim');
        await page.keyboard.press('Space');
        await page.waitForFunction(
            (name) => {
                const focused = document.activeElement;
                const messages = document.querySelectorAll('.webchat__basic-transcript__activity');
                return !!focused && messages[messages.length - 1].contains(focused) && focused.getAttribute('aria-label') !== name;
            },
            'Hayır, henüz göndermedim',
            WAIT,
        );
        assert.ok((await focusedElement(page)).inNewestMessage);
    });

    it('marks the button the user chose on an answered card, and the suggested default no longer looks chosen', async () => {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        await click(say('tr', 'menu.options.first'));
        await page
            .getByText(/Adım 1 \/ 18/)
            .first()
            .waitFor(WAIT);
        const answered = page.locator('.webchat__basic-transcript__activity').nth((await page.locator('.webchat__basic-transcript__activity').count()) - 1);
        await click('Hayır, henüz göndermedim');
        await page.waitForFunction(() => document.querySelectorAll('.webchat__basic-transcript__activity').length >= 3, undefined, WAIT);

        const looks = await answered.locator('.ac-pushButton').evaluateAll((buttons) =>
            buttons.map((button) => {
                const style = getComputedStyle(button);
                return {
                    name: button.getAttribute('aria-label'),
                    pressed: button.getAttribute('aria-pressed'),
                    mark: getComputedStyle(button, '::after').content,
                    background: style.backgroundColor,
                    positive: button.classList.contains('style-positive'),
                };
            }),
        );
        const chosen = looks.filter((button) => button.pressed === 'true');
        assert.deepStrictEqual(
            chosen.map((button) => button.name),
            ['Hayır, henüz göndermedim'],
            'only the clicked button is pressed',
        );
        assert.strictEqual(chosen[0].mark, JSON.stringify(pageIn.tr.texts.chosen), 'it says it was chosen');
        const suggested = looks.find((button) => button.positive);
        assert.ok(suggested && suggested.pressed === 'false');
        assert.notStrictEqual(suggested.background, chosen[0].background, 'the suggested default does not look chosen');
        const plain = looks.find((button) => !button.positive && button.pressed === 'false')!;
        assert.strictEqual(suggested.background, plain.background, 'on an answered card the default looks like any other button');
        assert.strictEqual(suggested.mark, 'none');
    });

    it("follows the chat into English and back: title, notes, placeholder, lang, the link and the welcome card's title", async () => {
        await page.goto(`${bot!.baseUrl}/`);
        await page
            .getByText(/Merhaba/)
            .first()
            .waitFor(WAIT);
        const pageShows = async () => ({
            lang: await page.locator('html').getAttribute('lang'),
            title: await page.title(),
            privacy: await page.locator('.privacy').textContent(),
            keyboard: await page.locator('.keyboard summary').textContent(),
            heading: await page.locator('h1').textContent(),
            placeholder: await sendBox().getAttribute('placeholder'),
            inputLabel: await sendBox().getAttribute('aria-label'),
            link: await page.locator('#switch-language').getAttribute('aria-label'),
        });
        const expected = (language: 'tr' | 'en') => {
            const { texts, webChatStrings } = pageIn[language];
            return {
                lang: language,
                title: texts.pageTitle,
                privacy: texts.privacyNote,
                keyboard: texts.keyboardTitle,
                heading: texts.assistantName,
                placeholder: webChatStrings.TEXT_INPUT_PLACEHOLDER,
                inputLabel: webChatStrings.TEXT_INPUT_ALT,
                link: texts.switchLanguageLabel,
            };
        };
        assert.deepStrictEqual(await pageShows(), expected('tr'));

        await click(say('tr', 'menu.options.language'));
        await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, WAIT);
        await newestMessage().getByText(say('en', 'menu.title'), { exact: true }).waitFor(WAIT);
        await page.waitForFunction(
            (placeholder) => document.querySelector('[data-id="webchat-sendbox-input"]')?.getAttribute('placeholder') === placeholder,
            pageIn.en.webChatStrings.TEXT_INPUT_PLACEHOLDER,
            WAIT,
        );
        assert.deepStrictEqual(await pageShows(), expected('en'));
        assert.match(page.url(), /[?&]lang=en\b/, 'a reload stays in English');

        await type('Türkçe');
        await page.waitForFunction(() => document.documentElement.lang === 'tr', undefined, WAIT);
        await page.waitForFunction(
            (placeholder) => document.querySelector('[data-id="webchat-sendbox-input"]')?.getAttribute('placeholder') === placeholder,
            pageIn.tr.webChatStrings.TEXT_INPUT_PLACEHOLDER,
            WAIT,
        );
        assert.deepStrictEqual(await pageShows(), expected('tr'));

        // A reload resumes the same conversation, in the language it was left in.
        const messages = await page.locator('.webchat__basic-transcript__activity').count();
        await page.reload();
        await page.waitForFunction((count) => document.querySelectorAll('.webchat__basic-transcript__activity').length === count, messages, WAIT);
        await page.waitForFunction(() => document.documentElement.lang === 'tr', undefined, WAIT);
    });

    it('has an icon: the page links one and /favicon.ico answers', async () => {
        await page.goto(`${bot!.baseUrl}/`);
        const icon = await page.locator('link[rel="icon"]').getAttribute('href');
        for (const url of [icon!, '/favicon.ico']) {
            const response = await page.request.get(new URL(url, bot!.baseUrl).href);
            assert.strictEqual(response.status(), 200, url);
            assert.match(response.headers()['content-type'], /^image\//, url);
        }
    });
});
