import * as assert from 'assert';
import { TestChat } from '../support/testBot';
import { play, type Turn } from '../support/conversationTable';
import { numberedSteps, pathOf, stepVariant } from '../../flow/flowSteps';
import { situationQuestionFor } from '../../flow/situation';

const TAAHHUTNAME = 'Nitelikli Elektronik Sertifika Taahhütnamesi';

// The last card of each path says when its certificate goes into production (the guide's "Üretim Bekleniyor").
const productionTr = {
    first: 'Üretim zamanı (ilk sertifika): belgeleriniz tamamlanınca sertifika hemen üretime alınır.',
    renewal: 'Üretim zamanı (yenileme): belgeleriniz tamamlanınca sertifika, en güncel aktif sertifikanızın süresinin bitmesine 2 ay kala üretime alınır.',
    lost: 'Üretim zamanı (kayıp): belgeleriniz tamamlanınca sertifika hemen üretime alınır ve aynı kurumdaki diğer bütün sertifikalarınız iptal edilir.',
    stolen: 'Üretim zamanı (çalınma): belgeleriniz tamamlanınca sertifika hemen üretime alınır ve aynı kurumdaki diğer bütün sertifikalarınız iptal edilir.',
    damaged: 'Üretim zamanı (bozulma): kılavuza göre kayıp, çalınma ve benzeri değişim nedenlerinde sertifika hemen üretime alınır',
};

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
            sees: [
                step(4),
                'Aşama 3',
                'Sipariş No',
                'Başvuru Tarihi',
                'Başvuru Durumu',
                'İşlem',
                'Detaylar',
                // Both buttons: the one the guide names, and the one its example row shows.
                '“Başvuruyu Güncelle” seçeneğine tıklayın',
                'Satırınızda onun yerine “Başvuruyu Tamamla” yazıyorsa ona tıklayın',
                '**Başvuruyu Güncelle**',
                '**Başvuruyu Tamamla**',
                // And what each status on that screen means.
                'Başvuru Formu ve Ödeme Bekleniyor',
                'ödeme için kütüphaneye danışın',
                'Üretim Bekleniyor',
                'sipariş üretime hazırlanıyor',
                'İptal Edildi',
                'zaman aşımı',
            ],
            doesNotSee: ['form doldurulmuş, ödeme bekleniyor demektir'],
            offers: ['“Başvuru Durumu” ne anlama geliyor?'],
        },
        {
            click: 'Tamam, tıkladım',
            sees: [step(5), 'Aşama 4', 'Başvuru Bilgileri', '“1 Başvuru Bilgileri 2 İmza 3 Teslim”', 'Ürün Bilgileri', 'Sertifika Sırası *', 'Kart Okuyucu *', 'Sertifika İnternetten Siparişlenen Mİ *'],
            doesNotSee: ['İmza/Onay', 'Teslim/Sonuç', 'Listeden seçin'],
        },
        { click: 'Tamam, tıkladım', sees: [step(6), 'Kimlik Bilgileri', 'Kimlik Numarası', 'Ad Soyad', 'Kimlik Bilgilerini Güncelle'], doesNotSee: ['önceden doldurulmuştur'] },
        { click: 'Tamam, tıkladım', sees: [step(7), 'İletişim Bilgileri', 'E-Posta *', 'Cep Telefonu *', 'Operatör *', 'Bilgi Kanalı *', '@bezmialem.edu.tr'] },
        { click: 'Tamam, tıkladım', sees: [step(8), 'Kurum Bilgileri', 'Kurum Adı *', 'Bezmialem Vakıf Üniversitesi', 'Çalıştığı Birim *', 'Ünvan *', 'İş Telefonu *', 'Dahili *'] },
        { click: 'Tamam, tıkladım', sees: [step(9), 'Teslimat Bilgileri', 'İl *', 'İstanbul', 'Teslimat Yolu *', '“Devam”'] },
        {
            click: '“Devam”a tıkladım',
            sees: [step(10), 'Aşama 5', 'Cep Telefonu Doğrulama', '**** * 2615', '250 saniye', 'ekran görüntüsünde', 'kimsenin bu koda ihtiyacı yoktur'],
            doesNotSee: ['Ekrandaki sayaç kalan süreyi gösterir'],
        },
        {
            click: 'Kodu girdim, “Devam”a tıkladım',
            sees: [step(11), 'Aşama 6', 'Onay', 'Bireysel Başvuru', '“Başvuru Bilgileri · Onay · Sonuç”', 'Ödenecek Tutar: *** TL (KDV Dahil)', 'kurum tarafından ödenir'],
        },
    ];
}

/** The wet-signature ending: both documents are named on the last card, the completion and the ticket offer. */
function wetSignatureEndingTr(total: number, production: string): Turn[] {
    return [
        {
            click: '“Islak İmzalı Onaylamak için Formu İndir”e tıkladım',
            sees: [
                `Adım ${total} / ${total}`,
                'Sonuç ekranının başlığında “Başvuru Formu Bekleniyor” yazar',
                TAAHHUTNAME,
                'İkisini de elle (ıslak) imzalayın',
                'Gebze',
                'kütüphaneye',
                'Başvurularım',
                'Doktor Zeki Acar Caddesi',
                production,
            ],
        },
        {
            click: 'Tamam, formu getireceğim',
            sees: ['Başvuru adımlarını tamamladınız', `imzalı başvuru formunu ve “${TAAHHUTNAME}”ni kütüphaneye getirmek`, production],
            // Renewal reminders: offered at the end of a first application or a renewal only.
            ...(production === productionTr.first || production === productionTr.renewal ? { offers: ['Sertifikamın bitişini hatırlat'] } : { doesNotSee: ['Sertifikamın bitişini hatırlat'] }),
        },
        { say: 'merhaba', sees: ['Ne yapmak istiyorsunuz?'], doesNotSee: ['Kaldığım yerden'] },
    ];
}

/** The three answers before the login question, for a user who already e-mailed the library. */
const phaseZeroTr = (total: number, first: number): Turn[] => [
    { click: 'Evet, gönderdim', sees: [`Adım ${first + 1} / ${total}`] },
    { click: 'Hayır, yok', sees: [`Adım ${first + 2} / ${total}`] },
    { click: 'Evet, geldi', sees: [`Adım ${first + 3} / ${total}`] },
];

describe('guided flow, Turkish', () => {
    it('first application without a valid e-signature: asked, e-Devlet login, then the wet-signed form and Taahhütname for the library', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true, sees: ['Merhaba', 'KamuSM'], offers: ['Yeni e-imza başvurusu', 'E-imzamı yenilemek istiyorum', 'E-imzam kayboldu / çalındı / bozuldu'] },
            { click: 'Yeni e-imza başvurusu', sees: ['Adım 1 / 18', 'Aşama 0', 'ebysyardim@bezmialem.edu.tr'], offers: ['Bulamıyorum', 'Kütüphaneye sor'] },
            { click: 'Evet, gönderdim', sees: ['Adım 2 / 18', 'Başka bir kurumdan alınmış e-imzanız var mı?'], offers: ['◀ Geri'] },
            { click: 'Hayır, yok', sees: ['Adım 3 / 18', 'KamuSM’nin bilgilendirme e-postası geldi mi?'] },
            {
                click: 'Evet, geldi',
                sees: ['Adım 4 / 18', 'Aşama 1', 'Şu anda çalışan ve süresi dolmamış bir e-imzanız var mı?', 'önce kütüphaneye sorun', '“e-İmza ile Onayla”', '“e-Devlet”'],
                offers: ['Evet, çalışan bir e-imzam var', 'Hayır, yok'],
            },
            { click: 'Hayır, yok', sees: ['Adım 5 / 18', '“e-Devlet” seçeneğiyle', 'https://onlineislemler.kamusm.gov.tr'], doesNotSee: ['“e-İmza” seçeneğiyle'] },
            ...kamusmScreensTr(18, 6),
            { say: 'yardım', sees: ['Islak İmzalı Onaylamak için Formu İndir', TAAHHUTNAME] },
        ]);
    });

    it('the wet path names the Taahhütname everywhere: approval, result, completion, form-delivery ticket', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            ...phaseZeroTr(18, 1),
            { click: 'Hayır, yok' },
            ...kamusmScreensTr(18, 6).slice(0, -1),
            {
                click: 'Kodu girdim, “Devam”a tıkladım',
                sees: ['“Islak İmzalı Onaylamak için Formu İndir” seçeneğine tıklayın', `formunu ve “${TAAHHUTNAME}”ni yazdırıp`],
                offers: ['“Islak İmzalı Onaylamak için Formu İndir”e tıkladım'],
            },
            ...wetSignatureEndingTr(18, productionTr.first),
        ]);
        const ticket = new TestChat({ locale: 'tr-TR' });
        await play(ticket, [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            ...phaseZeroTr(18, 1),
            { click: 'Hayır, yok' },
            ...kamusmScreensTr(18, 6),
            { click: '“Islak İmzalı Onaylamak için Formu İndir”e tıkladım' },
            { click: 'Formu getireceğimi kütüphaneye bildir' },
            { say: 'Ali Veli' },
            { say: 'ali.veli@bezmialem.edu.tr', sees: ['Formu getireceğinizi kütüphaneye bildireyim mi?', `başvuru formunuzu ve “${TAAHHUTNAME}”ni bekler`] },
        ]);
    });

    it('first applicant holding a valid e-signature from another institution: e-İmza login and "e-İmza ile Onayla"', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'Yeni e-imza başvurusu', sees: ['Adım 1 / 18'] },
            { click: 'Evet, gönderdim' },
            { click: 'Evet, var', sees: ['Önce kütüphaneye haber verin'] },
            { click: 'Kütüphaneye bildirdim', sees: ['Adım 3 / 18'] },
            { click: 'Evet, geldi', sees: ['Adım 4 / 18', 'Şu anda çalışan ve süresi dolmamış bir e-imzanız var mı?'] },
            { click: 'Evet, çalışan bir e-imzam var', sees: ['Adım 5 / 18', 'KamuSM’ye “e-İmza” ile giriş yapın', '“e-İmza” seçeneğiyle'], doesNotSee: ['“e-Devlet” seçeneğiyle'] },
            ...kamusmScreensTr(18, 6),
            {
                click: '“e-İmza ile Onayla”ya tıkladım',
                // The form needs nothing more; a payment may still be due, and Başvurularım may take minutes to show it.
                sees: ['Adım 18 / 18', 'Başvurunuz KamuSM’ye ulaştı', TAAHHUTNAME, 'form için başka bir işlem yapmanız gerekmez', 'ödeme ayrıca yapılır', 'birkaç dakika', productionTr.first],
            },
            { click: 'Tamam, bitirdim', sees: ['e-imzanızla onaylandı', productionTr.first] },
        ]);
    });

    it('renewal with a valid e-signature: e-İmza login and "e-İmza ile Onayla", production 2 months before expiry', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { say: 'yenileme', sees: ['Adım 1 / 18'] },
            { say: 'evet', sees: ['Adım 2 / 18'] },
            { say: 'hayir', sees: ['Adım 3 / 18'] },
            { say: 'Evet', sees: ['Adım 4 / 18', 'Mevcut e-imzanız hâlâ geçerli ve çalışıyor mu?'] },
            { click: 'Evet, hâlâ geçerli ve çalışıyor', sees: ['Adım 5 / 18', 'KamuSM’ye “e-İmza” ile giriş yapın', '“e-İmza” seçeneğiyle'] },
            ...kamusmScreensTr(18, 6),
            { click: '“e-İmza ile Onayla”ya tıkladım', sees: ['Adım 18 / 18', 'Başvurunuz KamuSM’ye ulaştı', 'başka bir işlem yapmanız gerekmez', productionTr.renewal] },
            { click: 'Tamam, bitirdim', sees: ['başka bir işlem yapmanız gerekmez', productionTr.renewal] },
        ]);
    });

    it('renewal with an expired e-signature: e-Devlet login, only the wet signature is offered', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { click: 'E-imzamı yenilemek istiyorum' },
            { click: 'Evet, gönderdim' },
            { click: 'Hayır, yok' },
            { click: 'Evet, geldi' },
            { click: 'Hayır, süresi doldu ya da çalışmıyor', sees: ['KamuSM’ye “e-Devlet” ile giriş yapın'] },
            ...kamusmScreensTr(18, 6),
        ]);
        // Typed, the other method is a question: answered, the step comes back, and no guide into a path the answers rule out.
        await play(chat, [{ say: 'e-İmza ile Onayla', sees: ['“e-İmza ile Onayla”', 'Adım 17 / 18'], doesNotSee: ['Bu adımdan rehberle', 'Bunu anlayamadım'] }]);
        await play(chat, [{ say: 'Islak İmzalı Onaylamak için Formu İndir', sees: ['Adım 18 / 18', 'Başvuru Formu Bekleniyor', TAAHHUTNAME, productionTr.renewal] }]);
    });

    it('lost: fees, payment, receipt and revocation up front, no e-signature question, e-Devlet, wet signature', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'E-imzam kayboldu / çalındı / bozuldu', sees: ['Adım 1 / 19', 'E-imzanıza ne oldu?'], offers: ['Kayboldu', 'Çalındı', 'Bozuldu (hasar gördü)'] },
            {
                click: 'Kayboldu',
                sees: [
                    'Adım 2 / 19',
                    'Kaybolan e-imza: başlamadan önce',
                    'Kullanıcı kaynaklı kayıp durumunda ücreti kurum ödemez',
                    'yönetici, akademisyen ve hekimlerimizin',
                    'kredi/banka kartınızla',
                    'İŞBANK',
                    'ZİRAAT BANKASI',
                    'Banka İşlemi',
                    'Çağrı Merkezi',
                    '✓',
                    'dekontunuzu',
                    'bilgi@kamusm.gov.tr',
                    'hemen üretime alınır ve aynı kurumdaki diğer bütün sertifikalarınız iptal edilir',
                ],
                offers: ['Anladım, devam', 'Daha sonra devam edeceğim'],
            },
            { click: 'Anladım, devam', sees: ['Adım 3 / 19', 'Kütüphaneye e-imza talebinizi bildirdiniz mi?'] },
            ...phaseZeroTr(19, 3).slice(0, 2),
            { click: 'Evet, geldi', sees: ['Adım 6 / 19', '“e-Devlet” seçeneğiyle'], doesNotSee: ['süresi dolmadı mı', 'geçerli bir e-imzanız var mı'] },
            ...kamusmScreensTr(19, 7),
            ...wetSignatureEndingTr(19, productionTr.lost),
        ]);
    });

    it('stolen: its own texts up front, e-Devlet, no "e-İmza ile Onayla", revocation on the last card', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { say: 'çalındı', sees: ['Adım 1 / 19', 'E-imzanıza ne oldu?'] },
            {
                say: 'çalındı',
                sees: [
                    'Adım 2 / 19',
                    'Çalınan e-imza: başlamadan önce',
                    'Kullanıcı kaynaklı çalınma durumunda ücreti kurum ödemez',
                    'İŞBANK',
                    'bilgi@kamusm.gov.tr',
                    'diğer bütün sertifikalarınız iptal edilir',
                ],
            },
            { click: 'Anladım, devam' },
            { click: 'Evet, gönderdim' },
            { click: 'Hayır, yok' },
            { click: 'Evet, geldi', sees: ['Adım 6 / 19', 'KamuSM’ye “e-Devlet” ile giriş yapın'] },
            ...kamusmScreensTr(19, 7),
        ]);
        const buttons = chat.buttons().map((button) => button.title);
        assert.ok(!buttons.includes('“e-İmza ile Onayla”ya tıkladım'), buttons.join(' | '));
        await play(chat, wetSignatureEndingTr(19, productionTr.stolen));
    });

    it('damaged: a path of its own, asked about a valid e-signature, fees and the revocation rule to confirm', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'E-imzam kayboldu / çalındı / bozuldu' },
            {
                click: 'Bozuldu (hasar gördü)',
                sees: [
                    'Adım 2 / 20',
                    'Bozulan e-imza: başlamadan önce',
                    'Kullanıcı kaynaklı bozulma durumunda ücreti kurum ödemez',
                    'İŞBANK',
                    'bilgi@kamusm.gov.tr',
                    'diğer bütün sertifikalarınızın iptal edildiğini',
                    'kütüphaneye sorun',
                ],
            },
            { click: 'Anladım, devam', sees: ['Adım 3 / 20'] },
            { click: 'Evet, gönderdim' },
            { click: 'Hayır, yok' },
            // A damaged card may not work: asked whether a working e-signature is at hand before any e-İmza login.
            { click: 'Evet, geldi', sees: ['Adım 6 / 20', 'Elinizde hâlâ çalışan bir e-imza var mı?', 'Bozulan kartınızla bunları yapamayabilirsiniz'] },
            { click: 'Hayır, çalışan bir e-imzam yok', sees: ['Adım 7 / 20', '“e-Devlet” seçeneğiyle'] },
            ...kamusmScreensTr(20, 8),
            ...wetSignatureEndingTr(20, productionTr.damaged),
        ]);
    });

    it("phase 0 detours: no e-mail yet, another institution's e-signature, KamuSM mail not arrived, continue later", async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            { click: 'Hayır, henüz göndermedim', sees: ['Adım 1 / 18', 'Kütüphaneye bir e-posta gönderin', 'Başvuru türü', 'Kimlik numaranızı'], offers: ['E-postayı gönderdim', 'Daha sonra devam edeceğim'] },
            { click: 'E-postayı gönderdim', sees: ['Adım 2 / 18'] },
            { click: 'Evet, var', sees: ['Adım 2 / 18', 'Önce kütüphaneye haber verin', '0 212 523 22 88', '1093'], offers: ['Kütüphaneye bildirdim'] },
            { click: 'Kütüphaneye bildirdim', sees: ['Adım 3 / 18'] },
            { click: 'Hayır, henüz gelmedi', sees: ['KamuSM’nin e-postasını bekleyin', 'spam'], offers: ['E-posta geldi', 'Daha sonra devam edeceğim'] },
            { click: 'Daha sonra devam edeceğim', sees: ['yerinizi kaydettim', 'Adım 3 / 18'] },
            { say: 'merhaba', sees: ['Tekrar hoş geldiniz', 'Adım 3 / 18', 'KamuSM’nin e-postasını bekleyin'], offers: ['Kaldığım yerden devam et', 'Baştan başla'] },
            { click: 'Kaldığım yerden devam et', sees: ['KamuSM’nin e-postasını bekleyin'] },
            { click: 'E-posta geldi', sees: ['Adım 4 / 18', 'Şu anda çalışan ve süresi dolmamış bir e-imzanız var mı?'] },
        ]);
    });

    it('SMS code trouble: only what the guide says, what the user can check, then the library', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            ...phaseZeroTr(18, 1),
            { click: 'Hayır, yok' },
            ...kamusmScreensTr(18, 6).slice(0, 11),
            {
                click: 'Kod gelmedi',
                sees: ['Adım 16 / 18', 'SMS kodu gelmedi ya da süresi doldu', 'son dört hanesini', '“Cep Telefonu”', 'kütüphaneye sorun', 'Kodu kimseyle paylaşmayın'],
                doesNotSee: ['yeniden tıklayarak yeni bir kod', 'kod artık geçmez'],
            },
            { click: '◀ Geri', sees: ['Adım 16 / 18', 'Cep Telefonu Doğrulama'] },
            { click: 'Süre doldu', sees: ['kılavuz anlatmıyor'], doesNotSee: ['“Devam” düğmesine yeniden'] },
            { click: 'Kodu girdim, “Devam”a tıkladım', sees: ['Adım 17 / 18', 'Bireysel Başvuru'] },
        ]);
    });

    it('the status explainer opens from the "Başvurularım" table and returns to it', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            ...phaseZeroTr(18, 1),
            { click: 'Hayır, yok' },
            ...kamusmScreensTr(18, 6).slice(0, 5),
            { click: '“Başvuru Durumu” ne anlama geliyor?', offers: ['Başvuru Formu ve Ödeme Bekleniyor', 'Üretim Bekleniyor', 'İptal Edildi', '“Başvuru Formu Bekleniyor” yazıyor'] },
            // The guide's own advice first (a new pre-application on KamuSM's page), then the library.
            { click: 'İptal Edildi', sees: ['Ön başvurunuz iptal edildi', 'KamuSM’nin sayfasında yer alan adımları takip edebilirsiniz', 'kütüphaneye de haber verin', 'ebysyardim@bezmialem.edu.tr'] },
            { click: 'Geri dön', sees: ['Adım 10 / 18', 'Başvuruyu Güncelle'] },
        ]);
    });
});

describe('guided flow, English', () => {
    it('renewal with a valid e-signature, in English, quoting the Turkish screen labels verbatim with a gloss', async () => {
        await play(new TestChat({ locale: 'en-US' }), [
            { open: true, sees: ['Hello', 'KamuSM'], offers: ['New e-signature application', 'Renew my e-signature', 'My e-signature was lost / stolen / damaged', 'Türkçe'] },
            { click: 'Renew my e-signature', sees: ['Step 1 / 18', 'Phase 0', 'ebysyardim@bezmialem.edu.tr'], offers: ["I can't find it", 'Ask the library'] },
            { click: 'Yes, I have', sees: ['Step 2 / 18'] },
            { click: "No, I don't", sees: ['Step 3 / 18'] },
            { say: 'yes', sees: ['Step 4 / 18', '“e-İmza”', '“e-Devlet”'] },
            { click: 'Yes, valid and working', sees: ['Step 5 / 18', 'Log in to KamuSM with “e-İmza”'] },
            { click: "I've logged in", sees: ['Step 6 / 18', 'Click “NES İŞLEMLERİ”', '**▶ NES İŞLEMLERİ**'] },
            { click: 'Done, I clicked it', sees: ['Step 7 / 18', '“BİREYSEL İŞLEMLER”'] },
            { say: 'next', sees: ['Step 8 / 18', '“BAŞVURU İŞLEMLERİ”'] },
            { say: 'Continue', sees: ['Step 9 / 18', '“BAŞVURULARIM”'] },
            {
                click: 'Done, I clicked it',
                sees: [
                    'Step 10 / 18',
                    'Phase 3',
                    'Sipariş No',
                    'Başvuru Durumu',
                    '“Başvuruyu Güncelle” (update application)',
                    '“Başvuruyu Tamamla” (complete application)',
                    '“İşlem”',
                    '(production awaited)',
                    '(cancelled)',
                ],
            },
            {
                click: 'Done, I clicked it',
                sees: [
                    'Step 11 / 18',
                    '“Başvuru Bilgileri”',
                    '“1 Başvuru Bilgileri 2 İmza 3 Teslim”',
                    'Ürün Bilgileri',
                    'Sertifika Sırası *',
                    '(certificate sequence)',
                    'Kart Okuyucu *',
                    'Sertifika İnternetten Siparişlenen Mİ *',
                    '(was the certificate ordered online?)',
                ],
            },
            { click: 'Done, I clicked it', sees: ['Step 12 / 18', 'Kimlik Bilgileri', 'Kimlik Numarası', 'Ad Soyad', '(full name)', '“Kimlik Bilgilerini Güncelle” (update identity details)'] },
            { click: 'Done, I clicked it', sees: ['Step 13 / 18', 'İletişim Bilgileri', 'E-Posta *', 'Cep Telefonu *', 'Operatör *', 'Bilgi Kanalı *'] },
            { click: 'Done, I clicked it', sees: ['Step 14 / 18', 'Kurum Bilgileri', 'Kurum Adı *', 'Bezmialem Vakıf Üniversitesi', 'Çalıştığı Birim *', 'Ünvan *', 'İş Telefonu *', 'Dahili *'] },
            { click: 'Done, I clicked it', sees: ['Step 15 / 18', 'Teslimat Bilgileri', 'İl *', '(province)', 'Teslimat Yolu *', '(delivery method)', '“Devam”'] },
            { click: 'I clicked “Devam”', sees: ['Step 16 / 18', 'Phase 5', '“Cep Telefonu Doğrulama”', 'Kalan süre: 250 saniye', 'not the library, not me'] },
            {
                click: 'I entered the code and clicked “Devam”',
                sees: [
                    'Step 17 / 18',
                    'Phase 6',
                    '“Bireysel Başvuru”',
                    '“Başvuru Bilgileri · Onay · Sonuç”',
                    'Ödenecek Tutar: *** TL (KDV Dahil)',
                    '“e-İmza ile Onayla”',
                    '“Islak İmzalı Onaylamak için Formu İndir”',
                ],
            },
            {
                click: 'I clicked “Islak İmzalı Onaylamak için Formu İndir”',
                sees: ['Step 18 / 18', '“Başvuru Formu Bekleniyor”', TAAHHUTNAME, 'Gebze', '“Başvurularım”', 'Production (renewal)', '2 months before'],
            },
            { click: "OK, I'll bring the form", sees: ['You have finished the application steps', TAAHHUTNAME, 'Production (renewal)'] },
        ]);
    });

    it('first applicant holding a valid e-signature from another institution, in English', async () => {
        await play(new TestChat({ locale: 'en-US' }), [
            { open: true },
            { click: 'New e-signature application', sees: ['Step 1 / 18'] },
            { click: 'Yes, I have' },
            { click: 'Yes, I do', sees: ['Tell the library first'] },
            { click: "I've told the library" },
            { click: 'Yes, it has', sees: ['Step 4 / 18', 'Do you hold a working e-signature that has not expired?', 'first ask the library whether you may use it here'] },
            { click: 'Yes, I hold a working e-signature', sees: ['Step 5 / 18', 'Log in to KamuSM with “e-İmza”'] },
            { click: "I've logged in" },
            ...Array.from({ length: 9 }, (): Turn => ({ click: 'Done, I clicked it' })),
            { click: 'I clicked “Devam”' },
            { click: 'I entered the code and clicked “Devam”', offers: ['I clicked “e-İmza ile Onayla”'] },
            { click: 'I clicked “e-İmza ile Onayla”', sees: ['Step 18 / 18', TAAHHUTNAME, 'Production (first certificate)', 'produced immediately'] },
        ]);
    });

    it('lost, stolen and damaged in English: fee, payment, receipt and revocation up front', async () => {
        for (const [button, title, reason] of [
            ['It was lost', 'Lost e-signature: before you start', 'If the loss was caused by you'],
            ['It was stolen', 'Stolen e-signature: before you start', 'If the theft was caused by you'],
            ['It is damaged', 'Damaged e-signature: before you start', 'If the damage was caused by you'],
        ]) {
            await play(new TestChat({ locale: 'en-US' }), [
                { open: true },
                { click: 'My e-signature was lost / stolen / damaged', sees: ['Step 1 / 19', 'What happened to your e-signature?'] },
                { click: button, sees: [title, reason, 'the institution does not pay', 'İŞBANK', 'ZİRAAT BANKASI', 'Banka İşlemi (branch)', 'bilgi@kamusm.gov.tr', 'revoked'] },
            ]);
        }
    });
});

describe('flow model', () => {
    it('a replacement saved before reasons existed keeps its step count, and is asked why before its texts', () => {
        const saved = { signatureValid: false, requestSent: true };
        assert.strictEqual(pathOf('lost', saved), 'lost');
        assert.strictEqual(stepVariant('replacementFacts', saved, 'lost'), undefined, 'no reason is assumed in the texts');
        assert.strictEqual(situationQuestionFor('replacementFacts', 'lost', saved), 'replacementReason');
        assert.ok(!numberedSteps('lost', saved).includes('signatureValid'));
        assert.ok(numberedSteps('lost', { ...saved, replacement: 'damaged' }).includes('signatureValid'));
        assert.ok(numberedSteps('first').includes('signatureValid'), 'every first applicant is asked');
    });
});
