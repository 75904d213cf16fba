import { TestChat, profile } from '../support/testBot';
import { play } from '../support/conversationTable';

const library = profile.library;

describe('main menu topics', () => {
    it('fees come from the institution profile, in both languages', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            {
                say: 'ucretler',
                sees: ['E-imza ücretleri', profile.fees.paidByInstitutionFor.tr, profile.fees.userPaysWhen.tr, 'Ödenecek Tutar: *** TL (KDV Dahil)'],
                offers: ['Yeni e-imza başvurusu', 'Ana menü'],
            },
            { click: 'Yeni e-imza başvurusu', sees: ['Adım 1 / 18'] },
        ]);
        await play(new TestChat({ locale: 'en' }), [{ open: true }, { click: 'Fees', sees: ['E-signature fees', profile.fees.paidByInstitutionFor.en, profile.fees.userPaysWhen.en] }]);
    });

    it('contacts list every channel of the library', async () => {
        await play(new TestChat(), [
            { open: true },
            { click: 'Kütüphaneye ulaş', sees: [library.name.tr, library.phone, library.extension, library.mobile, library.shortCode, library.email], offers: ['Ana menü'] },
            { click: 'Ana menü', sees: ['Ne yapmak istiyorsunuz?'] },
        ]);
    });

    it('the status explainer covers every status, with the payment banks as a table', async () => {
        const [first, second] = profile.kamusm.paymentBanks;
        await play(new TestChat(), [
            { open: true },
            { click: 'Başvuru durumum ne anlama geliyor?', sees: ['Başvuru Durumu'] },
            {
                click: 'Başvuru Formu ve Ödeme Bekleniyor',
                sees: [
                    'Başvuruyu Tamamla',
                    'Ödeme konusunda kütüphaneye danışın',
                    'kredi/banka kartınızla',
                    first.name,
                    second.name,
                    'Banka İşlemi',
                    'İnternet İşlemi',
                    'Mobil İşlem',
                    'ATM',
                    'Çağrı Merkezi',
                    '✓',
                    profile.kamusm.paymentReceiptEmail,
                ],
                offers: ['Üretim Bekleniyor', 'İptal Edildi', '“Başvuru Formu Bekleniyor” yazıyor', 'Geri dön'],
            },
            { click: 'Üretim Bekleniyor', sees: ['İlk sertifika', 'Hemen üretime alınır', `${profile.kamusm.renewalProductionMonthsBeforeExpiry} ay kala`, 'diğer bütün sertifikalarınız iptal edilir'] },
            { say: 'iptal edildi', sees: ['Ön başvurunuz iptal edildi', 'zaman aşımı', 'KamuSM’nin sayfasında yer alan adımları', library.email] },
            {
                click: '“Başvuru Formu Bekleniyor” yazıyor',
                sees: ['sonuç ekranının başlığıdır', 'Gebze', 'Nitelikli Elektronik Sertifika Taahhütnamesi', 'kütüphaneye teslim edin', 'kargoyla'],
                doesNotSee: ['bir durum değil'],
            },
            { say: 'Başvuru Formu Bekleniyor', sees: ['sonuç ekranının başlığıdır'] },
            { click: 'Geri dön', sees: ['Ne yapmak istiyorsunuz?'] },
        ]);
    });

    it('the status explainer in English keeps the Turkish status names', async () => {
        await play(new TestChat({ locale: 'en-US' }), [
            { open: true },
            { click: 'What does my application status mean?', offers: ['Başvuru Formu ve Ödeme Bekleniyor', 'Üretim Bekleniyor', 'İptal Edildi', 'It says “Başvuru Formu Bekleniyor”'] },
            { click: 'Başvuru Formu ve Ödeme Bekleniyor', sees: ['contradicts itself', 'Ask the library about payment', 'Banka İşlemi (branch)', 'İŞBANK', 'ZİRAAT BANKASI'] },
        ]);
    });

    it('the language button switches the menu, and the choice sticks', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [{ open: true }, { click: 'English', sees: ['What would you like to do?'], offers: ['Türkçe'] }, { say: 'renew', sees: ['Step 1 / 18'] }]);
    });

    it('a first message that names a topic goes straight there', async () => {
        await play(new TestChat(), [{ say: 'YENİLEME', sees: ['Adım 1 / 18'] }]);
        await play(new TestChat(), [{ say: 'english', sees: ['What would you like to do?'] }]);
        await play(new TestChat(), [{ say: 'yardım', sees: ['Size nasıl yardımcı olabilirim?', 'Ne yapmak istiyorsunuz?'] }]);
        await play(new TestChat(), [
            { say: 'merhaba', sees: ['Merhaba! Ben', 'Ne yapmak istiyorsunuz?'] },
            { say: 'selam', doesNotSee: ['Merhaba! Ben'] },
        ]);
    });

    it('the resume offer names the step as the user saw it', async () => {
        const chat = new TestChat({ resumeAfterMinutes: 30 });
        await play(chat, [{ open: true }, { say: 'yenileme' }, { say: 'evet' }, { say: 'hayır' }, { say: 'evet' }, { say: 'evet', sees: ['“e-İmza” ile giriş yapın'] }]);
        chat.clock.advanceMinutes(31);
        await play(chat, [{ say: 'selam', sees: ['Adım 5 / 18', 'KamuSM’ye “e-İmza” ile giriş yapın'] }]);
    });
});
