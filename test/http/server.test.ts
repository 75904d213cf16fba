import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { botProcessForSuite, type BotProcess } from '../support/botProcess';
import { readableText } from '../support/cardText';

function chatOver(bot: BotProcess, conversationId: string, locale: string, userId = `user-${conversationId}`) {
    const base = {
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1', // never called: replies come back in the HTTP response
        from: { id: userId, name: 'Ayşe Yılmaz' },
        recipient: { id: 'bot', name: 'e-İmza Asistanı' },
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        locale,
    };
    const read = (replies: Partial<Activity>[]) => replies.map(readableText).join('\n');
    return {
        open: async () => read(await bot.exchange({ ...base, type: 'conversationUpdate', membersAdded: [base.from] })),
        say: async (text: string) => read(await bot.exchange({ ...base, type: 'message', text })),
        pick: async (choice: string) => read(await bot.exchange({ ...base, type: 'message', value: { choice } })),
    };
}

describe('HTTP: the started bot on /api/messages', function () {
    this.timeout(60_000);
    const suite = botProcessForSuite('eimza-http-');
    let bot: BotProcess;
    beforeEach(() => {
        bot = suite.bot;
    });

    it('answers /healthz with the store it uses', async () => {
        const { status, body } = await bot.get('/healthz');
        assert.strictEqual(status, 200);
        assert.deepStrictEqual(body, { status: 'ok', store: 'sqlite' });
    });

    it('refuses a body that is not an activity with 400, and keeps serving', async () => {
        assert.strictEqual((await bot.post('/api/messages', { text: 'no type' })).status, 400);
        assert.strictEqual((await bot.post('/api/messages', [])).status, 400);
        assert.strictEqual((await bot.get('/healthz')).status, 200);
    });

    it('walks every phase in Turkish, greeting the user by name', async () => {
        const chat = chatOver(bot, 'http-tr', 'tr-TR');
        assert.match(await chat.open(), /Merhaba Ayşe Yılmaz!/);
        const seen = [await chat.pick('renewal'), await chat.pick('yes'), await chat.pick('no'), await chat.pick('yes'), await chat.pick('yes')];
        for (let i = 0; i < 12; i++) seen.push(await chat.pick('done'));
        seen.push(await chat.pick('esign'));
        const transcript = seen.join('\n');
        for (const phase of [0, 1, 2, 3, 4, 5, 6]) assert.ok(transcript.includes(`Aşama ${phase}`), `phase ${phase} reached`);
        for (const label of ['“e-İmza”', 'NES İŞLEMLERİ', 'BAŞVURULARIM', 'Başvuruyu Güncelle', 'Kurum Adı *', 'Cep Telefonu Doğrulama', 'e-İmza ile Onayla', 'Adım 18 / 18']) {
            assert.ok(transcript.includes(label), label);
        }
    });

    it('walks every phase in English', async () => {
        const chat = chatOver(bot, 'http-en', 'en-US');
        assert.match(await chat.open(), /Hello Ayşe Yılmaz!/);
        const seen = [await chat.pick('first'), await chat.pick('yes'), await chat.pick('no'), await chat.pick('yes'), await chat.pick('no')];
        for (let i = 0; i < 12; i++) seen.push(await chat.pick('done'));
        seen.push(await chat.pick('wet'));
        const transcript = seen.join('\n');
        for (const phase of [0, 1, 2, 3, 4, 5, 6]) assert.ok(transcript.includes(`Phase ${phase}`), `phase ${phase} reached`);
        for (const label of ['“e-Devlet”', 'BİREYSEL İŞLEMLER', '“İşlem”', 'Teslimat Yolu *', 'Islak İmzalı Onaylamak için Formu İndir', 'Başvuru Formu Bekleniyor', 'Step 18 / 18']) {
            assert.ok(transcript.includes(label), label);
        }
    });

    it('after kill -9 and a restart on the same DATA_DIR, the user resumes at the same step', async () => {
        const chat = chatOver(bot, 'http-crash', 'tr-TR', 'staff-42');
        await chat.open();
        await chat.pick('first');
        await chat.pick('yes');
        assert.match(await chat.pick('no'), /Adım 3 \/ 18/);

        await bot.kill('SIGKILL');
        await bot.start();

        assert.match(await chat.say('evet'), /Adım 4 \/ 18/, 'the same conversation goes on where it stopped');
        const elsewhere = chatOver(bot, 'http-crash-new-tab', 'tr-TR', 'staff-42');
        const offer = await elsewhere.open();
        assert.match(offer, /Tekrar hoş geldiniz/);
        assert.match(offer, /Adım 4 \/ 18/);
        assert.match(await elsewhere.pick('resume'), /“e-Devlet”/);
    });
});
