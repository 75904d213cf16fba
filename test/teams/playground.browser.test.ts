import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { playgroundCli, playgroundTeamId, startPlayground, type Playground } from '../../tools/playground';
import { fromRoot } from '../../core/projectPaths';
import { profile, translator } from '../support/testBot';
import { startTestServer, type TestServer } from '../web/startTestServer';

/**
 * The bot in Microsoft 365 Agents Playground, Microsoft's offline Teams emulator (`npm run
 * playground`), driven through its web UI in Debian's Chromium: a user's personal chat and the
 * library's staff team, as in Teams.
 *
 * What the Playground cannot do, and where it is tested instead:
 * - it has one user at the keyboard, so the requester and the staff member are the same person
 *   here; "Ata" (assign to a colleague) and two staff members claiming at once stay with the
 *   fake-connector tests (test/tickets/);
 * - every activity it sends says `locale: en-US`, so the user starts in English and picks Turkish;
 * - it does not process the app manifest (no command menu), and its Bot Framework tokens are not
 *   checked: the bot runs in local mode, as with `npm run playground`;
 * - reloading its page resets its conversations (and sends the install events again), so this test
 *   loads the page once.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Written under dist/ (a build folder): a test run must not change tracked files. Copy it to docs/images/ to refresh the README.
const SCREENSHOT = fromRoot('dist', 'screenshots', 'playground.png');
const WAIT = { timeout: 20_000 };
const QUESTION = 'Cep telefonu doğrulama ekranında kod gelmiyor, ne yapmalıyım?';
const REPLY = 'Numaranızı kontrol ettik; formdaki “Cep Telefonu” alanı doğru.';
const TAUGHT_QUESTION = 'kütüphane hangi binada';
const TAUGHT_REPLY = 'Kütüphane merkez yerleşkede, A blok zemin katta.';

describe('Teams in Microsoft 365 Agents Playground (Chromium)', function () {
    this.timeout(180_000);
    let bot: TestServer | undefined;
    let playground: Playground | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let scratch: string | undefined;

    before(async function () {
        if (!fs.existsSync(CHROMIUM)) {
            console.warn(`    skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
            this.skip();
        }
        if (!playgroundCli()) {
            console.warn('    skipped: @microsoft/m365agentsplayground is not installed (npm install)');
            this.skip();
        }
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-playground-'));
        bot = await startTestServer({ dataDir: scratch, env: { STAFF_TEAM_ID: playgroundTeamId() } });
        playground = await startPlayground({
            endpoint: `${bot.baseUrl}/api/messages`,
            port: 0,
            logFile: path.join(scratch, 'm365agentsplayground.log'),
        });
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
        page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
    });

    afterEach(async function () {
        // A failure leaves a picture of the Playground behind, to see what it showed.
        if (this.currentTest?.state === 'failed' && page) {
            const shot = path.join(os.tmpdir(), 'eimza-playground-failure.png');
            await page.screenshot({ path: shot }).catch(() => undefined);
            console.warn(`    the Playground at the failure: ${shot}`);
        }
    });

    after(async () => {
        await browser?.close();
        await playground?.stop();
        await bot?.stop();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    const say = async (text: string) => {
        const box = page.locator('[data-lexical-editor="true"]');
        await box.click();
        await page.keyboard.type(text);
        await page.keyboard.press('Enter');
    };
    const lastButton = (name: string) => page.getByRole('button', { name, exact: true }).last();
    const openChat = async (name: RegExp) => {
        await page.getByText(name).first().click();
    };

    it('personal welcome → a step → help → a help ticket → the staff card → Üstlen → Yanıtla → the reply in the personal chat', async () => {
        await page.goto(playground!.url);

        // The personal install greets the user by the name from the member profile. The Playground
        // sends every activity with `locale: en-US` (Teams sends the user's), so the welcome is in
        // English; "Türkçe" is the user's explicit choice, which the bot keeps from then on.
        await page
            .getByText(/Hello Ayşe Yılmaz/)
            .first()
            .waitFor(WAIT);
        await say('Türkçe');
        await page.getByText('Yeni e-imza başvurusu').first().waitFor(WAIT);

        // A guided step.
        await lastButton('Yeni e-imza başvurusu').click();
        await page
            .getByText(/Adım 1 \/ \d+/)
            .first()
            .waitFor(WAIT);

        // A button of an older card (the menu above) is understood for what it is: the fees, with a
        // one-line reminder of the step the user is on, never "please choose". (The Playground shows no
        // user bubble for a click: it cannot send Teams' messageBack, so in local mode the buttons are
        // plain submits; Teams shows the choice, which only real Teams can confirm.)
        await page.getByRole('button', { name: 'Ücretler', exact: true }).first().click();
        await page
            .getByText(/Şu anki adımınız · Adım 1 \/ \d+/)
            .first()
            .waitFor(WAIT);
        assert.strictEqual(await page.getByText(/Bunu anlayamadım/).count(), 0);

        // Help on this step, typed.
        await say('yardım');
        await page
            .getByText(/Bulamıyorum: /)
            .first()
            .waitFor(WAIT);

        // A help ticket: "Kütüphaneye sor", then "Kütüphaneye yaz (talep)".
        await lastButton('Kütüphaneye sor').click();
        await lastButton('Kütüphaneye yaz (talep)').click();
        await page
            .getByText(/Sorunuzu ya da takıldığınız yeri/)
            .first()
            .waitFor(WAIT);
        await say(QUESTION);
        // The Playground's user has an e-mail outside the institution's domain: the bot asks for the institutional one.
        const created = page.getByText(/Talebiniz kütüphaneye iletildi: #1001/).first();
        const emailPrompt = page.getByText(/Kurumsal e-posta adresiniz nedir/).first();
        await created.or(emailPrompt).waitFor(WAIT);
        if (await emailPrompt.isVisible()) await say(`ayse.yilmaz@${profile.institutionalEmailDomain}`);
        await created.waitFor(WAIT);

        // The card in the staff team's General channel.
        await openChat(/^General$/);
        await page
            .getByText(/Talep #1001/)
            .first()
            .waitFor(WAIT);
        await page.getByText(QUESTION).first().waitFor(WAIT);

        // Claim: the card refreshes in place (Universal Action).
        await lastButton('Üstlen').click();
        await page.getByText('Üstlenildi', { exact: true }).first().waitFor(WAIT);
        await page.getByRole('button', { name: 'Üstlen', exact: true }).waitFor({ ...WAIT, state: 'detached' });

        // Reply: the text box under "Yanıtla", then "Yanıtı gönder".
        await lastButton('Yanıtla').click();
        await page
            .getByPlaceholder(/Kullanıcıya yanıtınız/)
            .last()
            .fill(REPLY);
        await lastButton('Yanıtı gönder').click();
        await page
            .getByText(/kullanıcıya yanıt verdi/)
            .first()
            .waitFor(WAIT);

        // The reply reaches the personal chat.
        await openChat(/^Personal Chat$/);
        await page
            .getByText(/Kütüphane talebinizi \(#1001\) yanıtladı/)
            .first()
            .waitFor(WAIT);
        await page.getByText(REPLY).first().waitFor(WAIT);

        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        assert.ok(fs.statSync(SCREENSHOT).size > 10_000, 'the screenshot shows the Playground');
    });
    it('the library teaches the bot from the staff channel: an unanswered question → a ticket → answered, resolved → "Cevaplara ekle" → the next question gets the library\'s answer', async () => {
        // Same page as before (reloading it would reset the Playground's chats): the personal chat.
        await openChat(/^Personal Chat$/);
        await say(TAUGHT_QUESTION);
        await page.getByText(translator.t('tr', 'understanding.unknown.title')).last().waitFor(WAIT);

        // The question goes to the library as a ticket, with the question already filled in.
        await lastButton(translator.t('tr', 'actions.writeToLibrary')).click();
        const created = page.getByText(/Talebiniz kütüphaneye iletildi: #1002/).first();
        const emailPrompt = page.getByText(/Kurumsal e-posta adresiniz nedir/).last();
        await created.or(emailPrompt).waitFor(WAIT);
        if (!(await created.isVisible())) {
            await say(`ayse.yilmaz@${profile.institutionalEmailDomain}`);
            await created.waitFor(WAIT);
        }

        // The staff channel: claim, reply, resolve — on this ticket's card (the first test's card is there too).
        await openChat(/^General$/);
        const ticketCard = page
            .locator('.ac-adaptiveCard')
            .filter({ hasText: /Talep #1002/ })
            .last();
        await ticketCard.waitFor(WAIT);
        const onCard = (name: string) => ticketCard.getByRole('button', { name, exact: true }).last();
        await onCard('Üstlen').click();
        await ticketCard.getByText('Üstlenildi', { exact: true }).first().waitFor(WAIT);
        await onCard('Yanıtla').click();
        await ticketCard
            .getByPlaceholder(/Kullanıcıya yanıtınız/)
            .last()
            .fill(TAUGHT_REPLY);
        await onCard('Yanıtı gönder').click();
        await ticketCard
            .getByText(/yanıtladı: Kütüphane merkez/)
            .first()
            .waitFor(WAIT);
        await onCard('Çöz').click();
        await onCard('Çözüldü olarak kapat').click();

        // "Cevaplara ekle": the editor holds the question and the reply; saved as it is.
        await onCard(translator.t('tr', 'staffAnswers.actions.add')).click();
        await onCard(translator.t('tr', 'staffAnswers.actions.save')).click();
        await ticketCard
            .getByText(translator.t('tr', 'staffAnswers.notices.added', { number: 1 }))
            .first()
            .waitFor(WAIT);

        // The next time the question is asked, the library's answer comes back.
        await openChat(/^Personal Chat$/);
        await say(TAUGHT_QUESTION);
        await page.getByText(translator.t('tr', 'understanding.staffAnswer.note')).first().waitFor(WAIT);
        await page.getByText(TAUGHT_REPLY).last().waitFor(WAIT);
    });
});
