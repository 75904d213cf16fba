import { TestChat } from '../support/testBot';
import { play, type Turn } from '../support/conversationTable';

// What every Turkish journey shares, from the KamuSM menu to the "Onay" screen.
function kamusmScreensTr(total: number, first: number): Turn[] {
    const step = (n: number) => `Adım ${first + n} / ${total}`;
    return [
        { click: 'Giriş yaptım', sees: [step(0), 'Aşama 2', '“NES İŞLEMLERİ”', '**▶ NES İŞLEMLERİ**'] },
        { click: 'Tamam, tıkladım', sees: [step(1), '“BİREYSEL İŞLEMLER”', '✓ NES İŞLEMLERİ', '**▶ BİREYSEL İŞLEMLER**'] },
        { say: 'devam', sees: [step(2), '“BAŞVURU İŞLEMLERİ”', '**▶ BAŞVURU İŞLEMLERİ**'] },
        { say: 'TAMAM', sees: [step(3), '“BAŞVURULARIM”', '**▶ BAŞVURULARIM**', 'ıslak imzalı', 'e-imzalı'] },
        {
            click: 'Tamam, tıkladım',
            sees: [step(4), 'Aşama 3', 'Sipariş No', 'Başvuru Tarihi', 'Başvuru Durumu', 'İşlem', 'Başvuruyu Güncelle', 'Başvuruyu Tamamla', 'Detaylar'],
            offers: ['“Başvuru Durumu” ne anlama geliyor?'],
        },
        { click: 'Tamam, tıkladım', sees: [step(5), 'Aşama 4', 'Başvuru Bilgileri', 'Ürün Bilgileri', 'Sertifika Sırası *', 'Kart Okuyucu *', 'Sertifika İnternetten Siparişlenen Mİ *'] },
        { click: 'Tamam, tıkladım', sees: [step(6), 'Kimlik Bilgileri', 'Kimlik Numarası', 'Ad Soyad', 'Kimlik Bilgilerini Güncelle'] },
        { click: 'Tamam, tıkladım', sees: [step(7), 'İletişim Bilgileri', 'E-Posta *', 'Cep Telefonu *', 'Operatör *', 'Bilgi Kanalı *', '@bezmialem.edu.tr'] },
        { click: 'Tamam, tıkladım', sees: [step(8), 'Kurum Bilgileri', 'Kurum Adı *', 'Bezmialem Vakıf Üniversitesi', 'Çalıştığı Birim *', 'Ünvan *', 'İş Telefonu *', 'Dahili *'] },
        { click: 'Tamam, tıkladım', sees: [step(9), 'Teslimat Bilgileri', 'İl *', 'İstanbul', 'Teslimat Yolu *', '“Devam”'] },
        { click: '“Devam”a tıkladım', sees: [step(10), 'Aşama 5', 'Cep Telefonu Doğrulama', '**** * 2615', '250 saniye', 'kimsenin bu koda ihtiyacı yoktur'] },
        {
            click: 'Kodu girdim, “Devam”a tıkladım',
            sees: [step(11), 'Aşama 6', 'Onay', 'Bireysel Başvuru', 'Başvuru Bilgileri · Onay · Sonuç', 'Ödenecek Tutar: *** TL (KDV Dahil)', 'kurum tarafından ödenir'],
        },
    ];
}

const wetSignatureEndingTr: Turn[] = [
    {
        click: '“Islak İmzalı Onaylamak için Formu İndir”e tıkladım',
        sees: ['Başvuru Formu Bekleniyor', 'Gebze', 'kütüphaneye', 'Başvurularım', 'Doktor Zeki Acar Caddesi'],
    },
    { click: 'Tamam, formu getireceğim', sees: ['Başvuru adımlarını tamamladınız', 'imzalı formu kütüphaneye getirmek'] },
    { say: 'merhaba', sees: ['Ne yapmak istiyorsunuz?'], doesNotSee: ['Kaldığım yerden'] },
];

describe('guided flow, Turkish', () => {
    it('first application: e-Devlet login, then the wet-signed form for the library', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true, sees: ['Merhaba', 'KamuSM'], offers: ['Yeni e-imza başvurusu', 'E-imzamı yenilemek istiyorum', 'E-imzam kayboldu / çalındı'] },
            { click: 'Yeni e-imza başvurusu', sees: ['Adım 1 / 17', 'Aşama 0', 'ebysyardim@bezmialem.edu.tr'], offers: ['Bulamıyorum', 'Kütüphaneye sor'] },
            { click: 'Evet, gönderdim', sees: ['Adım 2 / 17', 'Başka bir kurumdan alınmış e-imzanız var mı?'], offers: ['◀ Geri'] },
            { click: 'Hayır, yok', sees: ['Adım 3 / 17', 'KamuSM’nin bilgilendirme e-postası geldi mi?'] },
            { click: 'Evet, geldi', sees: ['Adım 4 / 17', 'Aşama 1', '“e-Devlet” seçeneğiyle', 'https://onlineislemler.kamusm.gov.tr'], doesNotSee: ['“e-İmza” seçeneğiyle'] },
            ...kamusmScreensTr(17, 5),
            ...wetSignatureEndingTr,
        ]);
    });

    it('renewal with a valid e-signature: e-İmza login and "e-İmza ile Onayla", nothing else to do', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { say: 'yenileme', sees: ['Adım 1 / 18'] },
            { say: 'evet', sees: ['Adım 2 / 18'] },
            { say: 'hayir', sees: ['Adım 3 / 18'] },
            { say: 'Evet', sees: ['Adım 4 / 18', 'Mevcut e-imzanızın süresi dolmadı mı?'] },
            { click: 'Evet, hâlâ geçerli', sees: ['Adım 5 / 18', 'KamuSM’ye “e-İmza” ile giriş yapın', '“e-İmza” seçeneğiyle'] },
            ...kamusmScreensTr(18, 6),
            { click: '“e-İmza ile Onayla”ya tıkladım', sees: ['Adım 18 / 18', 'Başvurunuz KamuSM’ye ulaştı', 'başka bir şey yapmanız gerekmez'] },
            { click: 'Tamam, bitirdim', sees: ['başka bir şey yapmanız gerekmiyor'] },
        ]);
    });

    it('renewal with an expired e-signature: e-Devlet login, only the wet signature is offered', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { click: 'E-imzamı yenilemek istiyorum' },
            { click: 'Evet, gönderdim' }, { click: 'Hayır, yok' }, { click: 'Evet, geldi' },
            { click: 'Hayır, süresi doldu', sees: ['KamuSM’ye “e-Devlet” ile giriş yapın'] },
            ...kamusmScreensTr(18, 6),
        ]);
        // Typed, the other method is a question: answered, the step comes back, and no guide into a path the answers rule out.
        await play(chat, [{ say: 'e-İmza ile Onayla', sees: ['“e-İmza ile Onayla”', 'Adım 17 / 18'], doesNotSee: ['Bu adımdan rehberle', 'Bunu anlayamadım'] }]);
        await play(chat, [{ say: 'Islak İmzalı Onaylamak için Formu İndir', sees: ['Adım 18 / 18', 'Başvuru Formu Bekleniyor'] }]);
    });

    it('lost or stolen: no e-signature question, e-Devlet login', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'E-imzam kayboldu / çalındı', sees: ['Adım 1 / 17'] },
            { click: 'Evet, gönderdim' }, { click: 'Hayır, yok' },
            { click: 'Evet, geldi', sees: ['Adım 4 / 17', '“e-Devlet”'], doesNotSee: ['süresi dolmadı mı'] },
        ]);
    });

    it('phase 0 detours: no e-mail yet, another institution\'s e-signature, KamuSM mail not arrived, continue later', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            { click: 'Hayır, henüz göndermedim', sees: ['Adım 1 / 17', 'Kütüphaneye bir e-posta gönderin', 'Başvuru türü', 'Kimlik numaranızı'], offers: ['E-postayı gönderdim', 'Daha sonra devam edeceğim'] },
            { click: 'E-postayı gönderdim', sees: ['Adım 2 / 17'] },
            { click: 'Evet, var', sees: ['Adım 2 / 17', 'Önce kütüphaneye haber verin', '0 212 523 22 88', '1093'], offers: ['Kütüphaneye bildirdim'] },
            { click: 'Kütüphaneye bildirdim', sees: ['Adım 3 / 17'] },
            { click: 'Hayır, henüz gelmedi', sees: ['KamuSM’nin e-postasını bekleyin', 'spam'], offers: ['E-posta geldi', 'Daha sonra devam edeceğim'] },
            { click: 'Daha sonra devam edeceğim', sees: ['yerinizi kaydettim', 'Adım 3 / 17'] },
            { say: 'merhaba', sees: ['Tekrar hoş geldiniz', 'Adım 3 / 17', 'KamuSM’nin e-postasını bekleyin'], offers: ['Kaldığım yerden devam et', 'Baştan başla'] },
            { click: 'Kaldığım yerden devam et', sees: ['KamuSM’nin e-postasını bekleyin'] },
            { click: 'E-posta geldi', sees: ['Adım 4 / 17', '“e-Devlet”'] },
        ]);
    });

    it('SMS code trouble: what to do, and that nobody needs the code', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true }, { click: 'Yeni e-imza başvurusu' },
            { click: 'Evet, gönderdim' }, { click: 'Hayır, yok' }, { click: 'Evet, geldi' },
            ...kamusmScreensTr(17, 5).slice(0, 11),
            { click: 'Kod gelmedi', sees: ['Adım 15 / 17', 'SMS kodu gelmedi ya da süresi doldu', '“Cep Telefonu”', '250 saniye', 'Kodu kimseyle paylaşmayın'] },
            { click: '◀ Geri', sees: ['Adım 15 / 17', 'Cep Telefonu Doğrulama'] },
            { click: 'Süre doldu', sees: ['yeni bir kod'] },
            { click: 'Kodu girdim, “Devam”a tıkladım', sees: ['Adım 16 / 17', 'Bireysel Başvuru'] },
        ]);
    });

    it('the status explainer opens from the "Başvurularım" table and returns to it', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true }, { click: 'Yeni e-imza başvurusu' },
            { click: 'Evet, gönderdim' }, { click: 'Hayır, yok' }, { click: 'Evet, geldi' },
            ...kamusmScreensTr(17, 5).slice(0, 5),
            { click: '“Başvuru Durumu” ne anlama geliyor?', offers: ['Başvuru Formu ve Ödeme Bekleniyor', 'Üretim Bekleniyor', 'İptal Edildi', 'Başvuru Formu Bekleniyor'] },
            { click: 'İptal Edildi', sees: ['Ön başvurunuz iptal edildi', 'kütüphaneye başvurun', 'ebysyardim@bezmialem.edu.tr'] },
            { click: 'Geri dön', sees: ['Adım 9 / 17', 'Başvuruyu Güncelle'] },
        ]);
    });
});

describe('guided flow, English', () => {
    it('renewal with a valid e-signature, in English, quoting the Turkish screen labels verbatim', async () => {
        await play(new TestChat({ locale: 'en-US' }), [
            { open: true, sees: ['Hello', 'KamuSM'], offers: ['New e-signature application', 'Renew my e-signature', 'Türkçe'] },
            { click: 'Renew my e-signature', sees: ['Step 1 / 18', 'Phase 0', 'ebysyardim@bezmialem.edu.tr'], offers: ["I can't find it", 'Ask the library'] },
            { click: 'Yes, I have', sees: ['Step 2 / 18'] },
            { click: "No, I don't", sees: ['Step 3 / 18'] },
            { say: 'yes', sees: ['Step 4 / 18', '“e-İmza”', '“e-Devlet”'] },
            { click: 'Yes, still valid', sees: ['Step 5 / 18', 'Log in to KamuSM with “e-İmza”'] },
            { click: "I've logged in", sees: ['Step 6 / 18', 'Click “NES İŞLEMLERİ”', '**▶ NES İŞLEMLERİ**'] },
            { click: 'Done, I clicked it', sees: ['Step 7 / 18', '“BİREYSEL İŞLEMLER”'] },
            { say: 'next', sees: ['Step 8 / 18', '“BAŞVURU İŞLEMLERİ”'] },
            { say: 'Continue', sees: ['Step 9 / 18', '“BAŞVURULARIM”'] },
            { click: 'Done, I clicked it', sees: ['Step 10 / 18', 'Phase 3', 'Sipariş No', 'Başvuru Durumu', '“Başvuruyu Güncelle”', '“İşlem”'] },
            { click: 'Done, I clicked it', sees: ['Step 11 / 18', '“Başvuru Bilgileri”', 'Ürün Bilgileri', 'Sertifika Sırası *', 'Kart Okuyucu *', 'Sertifika İnternetten Siparişlenen Mİ *'] },
            { click: 'Done, I clicked it', sees: ['Step 12 / 18', 'Kimlik Bilgileri', 'Kimlik Numarası', 'Ad Soyad', 'Kimlik Bilgilerini Güncelle'] },
            { click: 'Done, I clicked it', sees: ['Step 13 / 18', 'İletişim Bilgileri', 'E-Posta *', 'Cep Telefonu *', 'Operatör *', 'Bilgi Kanalı *'] },
            { click: 'Done, I clicked it', sees: ['Step 14 / 18', 'Kurum Bilgileri', 'Kurum Adı *', 'Bezmialem Vakıf Üniversitesi', 'Çalıştığı Birim *', 'Ünvan *', 'İş Telefonu *', 'Dahili *'] },
            { click: 'Done, I clicked it', sees: ['Step 15 / 18', 'Teslimat Bilgileri', 'İl *', 'Teslimat Yolu *', '“Devam”'] },
            { click: 'I clicked “Devam”', sees: ['Step 16 / 18', 'Phase 5', '“Cep Telefonu Doğrulama”', 'Kalan süre: 250 saniye', 'not the library, not me'] },
            { click: 'I entered the code and clicked “Devam”', sees: ['Step 17 / 18', 'Phase 6', '“Bireysel Başvuru”', 'Ödenecek Tutar: *** TL (KDV Dahil)', '“e-İmza ile Onayla”', '“Islak İmzalı Onaylamak için Formu İndir”'] },
            { click: 'I clicked “Islak İmzalı Onaylamak için Formu İndir”', sees: ['Step 18 / 18', '“Başvuru Formu Bekleniyor”', 'Gebze', '“Başvurularım”'] },
            { click: "OK, I'll bring the form", sees: ['You have finished the application steps'] },
        ]);
    });
});
