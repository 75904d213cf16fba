import * as assert from 'assert';
import { TestChat } from '../support/testBot';
import { play, TO_KAMUSM_MENU, type Turn } from '../support/conversationTable';

/** Brings a new Turkish user to a given step of a first application. */
const toStep: Record<string, Turn[]> = {
    'Adım 1 (a question)': [{ open: true }, { click: 'Yeni e-imza başvurusu' }],
    'Adım 3 (phase 0)': [{ open: true }, { click: 'Yeni e-imza başvurusu' }, { click: 'Evet, gönderdim' }, { click: 'Hayır, yok' }],
    'Adım 6 (the KamuSM menu)': TO_KAMUSM_MENU,
};
const stepTitles: Record<string, string> = {
    'Adım 1 (a question)': 'Kütüphaneye e-imza talebinizi bildirdiniz mi?',
    'Adım 3 (phase 0)': 'KamuSM’nin bilgilendirme e-postası geldi mi?',
    'Adım 6 (the KamuSM menu)': '“NES İŞLEMLERİ” seçeneğine tıklayın',
};

describe('interruptions work on every step', () => {
    for (const [where, path] of Object.entries(toStep)) {
        const title = stepTitles[where];

        it(`${where}: help ("yardim", "YARDIM", the button) shows hints and keeps the step's buttons`, async () => {
            for (const words of ['yardim', 'YARDIM', 'Yardım']) {
                const chat = new TestChat();
                await play(chat, [...path, { say: words, sees: [`Bulamıyorum: ${title}`], offers: ['Kütüphaneye sor'] }]);
                assert.ok(chat.buttons().length >= 2, "the help card carries the step's own answers");
            }
            const chat = new TestChat();
            await play(chat, [...path, { click: 'Bulamıyorum', sees: [`Bulamıyorum: ${title}`] }]);
        });

        it(`${where}: cancel ("İPTAL", "iptal", "Iptal") leaves the guide and forgets the application`, async () => {
            for (const words of ['İPTAL', 'iptal', 'Iptal', 'cancel']) {
                const chat = new TestChat();
                await play(chat, [...path, { say: words, sees: ['Başvuru rehberini bıraktım', 'Ne yapmak istiyorsunuz?'], doesNotSee: ['Kaldığım yerden'] }]);
            }
        });

        it(`${where}: menu keeps the application, which the menu offers to resume`, async () => {
            await play(new TestChat(), [...path, { say: 'menü', sees: ['Ne yapmak istiyorsunuz?'], offers: [] }, { say: 'kaldığım yerden devam', sees: [title] }]);
        });

        it(`${where}: talking to the library shows its contacts, then the same step`, async () => {
            await play(new TestChat(), [
                ...path,
                { click: 'Kütüphaneye sor', sees: ['Kütüphaneye ulaşın', '0 212 523 22 88', '3503', '0531 393 24 65', '1093', 'ebysyardim@bezmialem.edu.tr', title] },
                { say: 'kutuphane', sees: ['Kütüphaneye ulaşın', title] },
            ]);
        });

        it(`${where}: switching language redraws the same step in English and back`, async () => {
            const chat = new TestChat({ locale: 'tr-TR' });
            await play(chat, [...path, { say: 'English', sees: ["I'll speak English", 'Step '], doesNotSee: ['Adım '] }]);
            await play(chat, [{ say: 'Türkçe', sees: ['Türkçe konuşuyorum', title] }]);
        });
    }

    it('back walks to the previous step and, on the first step, to the menu', async () => {
        await play(new TestChat(), [...toStep['Adım 3 (phase 0)'], { say: 'geri', sees: ['Adım 2 / 18'] }, { click: '◀ Geri', sees: ['Adım 1 / 18'] }, { say: 'back', sees: ['Ne yapmak istiyorsunuz?'] }]);
    });

    it('a detour goes back to the question it explains', async () => {
        await play(new TestChat(), [
            ...toStep['Adım 1 (a question)'],
            { click: 'Hayır, henüz göndermedim', sees: ['Kütüphaneye bir e-posta gönderin'] },
            { say: 'geri', sees: ['Kütüphaneye e-imza talebinizi bildirdiniz mi?'] },
        ]);
    });

    it('commands work inside the status explainer too, and "back" returns to the step', async () => {
        await play(new TestChat(), [
            { open: true },
            { click: 'Başvuru durumum ne anlama geliyor?', offers: ['Üretim Bekleniyor'] },
            { say: 'yardım', sees: ['Size nasıl yardımcı olabilirim?'] },
            { click: 'Üretim Bekleniyor', sees: ['İlk sertifika', 'Yenileme', '2 ay kala', 'Kayıp, çalınma ve benzeri değişim nedenleri', 'diğer bütün sertifikalarınız iptal edilir'] },
            { say: 'geri', sees: ['Ne yapmak istiyorsunuz?'] },
        ]);
    });

    it('text the bot cannot place gets the library and the menu, then the same step again; an empty message a polite "please choose"', async () => {
        await play(new TestChat(), [
            ...toStep['Adım 1 (a question)'],
            { say: 'qwrtz plmk', sees: ['Bu soruya hazır bir cevabım yok', 'Kütüphaneye e-imza talebinizi bildirdiniz mi?'], offers: ['Kütüphaneye yaz (talep)', 'Ana menü'], doesNotSee: ['Bunu anlayamadım'] },
            { say: '', sees: ['Bunu anlayamadım'] },
            { say: '1', sees: ['Adım 2 / 18'] },
        ]);
    });

    it('a dialog opened over a waiting step or menu (the status explainer, a help ticket) hands back to it, never "Bunu anlayamadım"', async () => {
        const chat = new TestChat({ locale: 'tr-TR', userName: 'Ayşe Yılmaz' });
        await play(chat, [
            ...toStep['Adım 3 (phase 0)'],
            // The status explainer from an answer's button, over step 3; back from it, step 3 again.
            { say: 'iptal edildi durumu ne demek', sees: ['“İptal Edildi”', 'Adım 3 / 18'] },
            { click: 'Başvuru durumum ne anlama geliyor?', sees: ['Başvuru durumunuz ne anlama geliyor?'] },
            { click: 'Geri dön', sees: ['Adım 3 / 18'], doesNotSee: ['Bunu anlayamadım'] },
            // A help ticket over the menu, left for another menu topic: the topic opens.
            { say: 'menü', sees: ['Ne yapmak istiyorsunuz?'] },
            { say: 'kütüphaneye yaz', sees: ['Sorunuzu ya da takıldığınız yeri'] },
            { click: 'Taleplerim', sees: ['kütüphaneye bir şey göndermedim', 'Taleplerim'], doesNotSee: ['Bunu anlayamadım'] },
        ]);
    });
});
