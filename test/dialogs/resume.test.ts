import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MemoryStorage } from 'botbuilder';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { FakeClock } from '../support/fakeClock';
import { TestChat } from '../support/testBot';
import { play, type Turn } from '../support/conversationTable';

const toNesStep: Turn[] = [
    { open: true },
    { click: 'Yeni e-imza başvurusu' },
    { click: 'Evet, gönderdim' },
    { click: 'Hayır, yok' },
    { click: 'Evet, geldi' },
    { click: 'Hayır, yok', sees: ['Adım 5 / 18'] },
    { click: 'Giriş yaptım', sees: ['Adım 6 / 18'] },
];

describe('resume', () => {
    it('a user back hours later is offered to continue at the same step', async () => {
        const chat = new TestChat({ resumeAfterMinutes: 60 });
        await play(chat, toNesStep);
        chat.clock.advanceMinutes(5 * 60);
        await play(chat, [
            { say: 'merhaba', sees: ['Tekrar hoş geldiniz', 'Adım 6 / 18', '“NES İŞLEMLERİ” seçeneğine tıklayın'], offers: ['Kaldığım yerden devam et', 'Baştan başla', 'Ana menü'] },
            { click: 'Kaldığım yerden devam et', sees: ['Adım 6 / 18', '**▶ NES İŞLEMLERİ**'] },
            { click: 'Tamam, tıkladım', sees: ['Adım 7 / 18'] },
        ]);
    });

    it('a short pause does not interrupt: the answer simply goes on', async () => {
        const chat = new TestChat({ resumeAfterMinutes: 60 });
        await play(chat, toNesStep);
        chat.clock.advanceMinutes(10);
        await play(chat, [{ click: 'Tamam, tıkladım', sees: ['Adım 7 / 18'], doesNotSee: ['Tekrar hoş geldiniz'] }]);
    });

    it('"start over" restarts the same kind of application from step 1', async () => {
        const chat = new TestChat({ resumeAfterMinutes: 60 });
        await play(chat, toNesStep);
        chat.clock.advanceMinutes(24 * 60);
        await play(chat, [{ say: 'selam' }, { click: 'Baştan başla', sees: ['Adım 1 / 18', 'Kütüphaneye e-imza talebinizi bildirdiniz mi?'] }]);
    });

    it('a new chat of the same user (another device, a reloaded page) offers the saved step', async () => {
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        await play(new TestChat({ storage, clock, conversationId: 'teams-chat' }), toNesStep);
        await play(new TestChat({ storage, clock, conversationId: 'web-chat' }), [
            { open: true, sees: ['Tekrar hoş geldiniz', 'Adım 6 / 18'] },
            { say: 'devam', sees: ['**▶ NES İŞLEMLERİ**'] },
        ]);
    });

    it('the language choice is remembered in a new chat', async () => {
        const storage = new MemoryStorage();
        await play(new TestChat({ storage, locale: 'tr-TR', conversationId: 'a' }), [{ open: true }, { say: 'english', sees: ['What would you like to do?'] }]);
        await play(new TestChat({ storage, locale: 'tr-TR', conversationId: 'b' }), [{ open: true, sees: ['Hello'], doesNotSee: ['Merhaba'] }]);
    });

    it('after a restart on the same SQLite file, the conversation continues at its step', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-resume-'));
        const file = path.join(dir, 'bot.sqlite');
        const clock = new FakeClock();
        const before = new SqliteStorage(file);
        await play(new TestChat({ storage: before, clock }), toNesStep);
        before.close();
        const after = new SqliteStorage(file);
        try {
            await play(
                new TestChat({ storage: after, clock }),
                [{ click: 'Tamam, tıkladım', sees: ['Adım 7 / 18', '“BİREYSEL İŞLEMLER”'] }].map((turn) => ({ ...turn, click: undefined, say: 'devam' })),
            );
        } finally {
            after.close();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
