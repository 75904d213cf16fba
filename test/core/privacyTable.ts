import type { SensitiveKind } from '../../core/privacyGuard';

/**
 * Realistic sentences, in Turkish and English, and what the privacy guard must do with each:
 * `kinds` are the secrets found and `secrets` the parts that must not survive; a row without
 * kinds must come back exactly as written. The example numbers are checksum-valid test values,
 * not anyone's: 10000000146 (ID), 4111 1111 1111 1111 (card), TR33 0006 1005 1978 6457 8413 26 (IBAN).
 */
export interface PrivacyRow {
    text: string;
    kinds: SensitiveKind[];
    secrets?: string[];
}

export const SECRET_ROWS: PrivacyRow[] = [
    // National ID numbers: in one piece, in groups, glued to a word or a name.
    { text: 'TC kimlik numaram 10000000146', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: '10000000146', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: 'TC: 100 000 001 46', kinds: ['nationalId'], secrets: ['100 000 001 46', '001 46'] },
    { text: 'Kimlik no 100.000.001.46, doğum tarihim 12.03.1980', kinds: ['nationalId'], secrets: ['100.000.001.46'] },
    { text: 'Mehmet Kaya TC10000000146', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: 'TCKN:10000000146 ile giriş yapamıyorum', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: 'kimlik numaram 1000-0000-146 doğru mu?', kinds: ['nationalId'], secrets: ['1000-0000-146'] },
    { text: 'My Turkish ID number is 10000000146.', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: 'ID: 100 000 001 46, name Ayşe Demir', kinds: ['nationalId'], secrets: ['001 46'] },
    { text: 'Başvuruda 10000000146 numarasını yazdım ama hata verdi', kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: "10000000146'yı girince sistem kapanıyor", kinds: ['nationalId'], secrets: ['10000000146'] },
    { text: 'Annemin kimliği 10000000146 olarak kayıtlı görünüyor', kinds: ['nationalId'], secrets: ['10000000146'] },
    // SMS and verification codes, the value before or after the keyword, in groups.
    { text: '482913', kinds: ['smsCode'], secrets: ['482913'] },
    { text: '482 913', kinds: ['smsCode'], secrets: ['482 913'] },
    { text: 'SMS kodu 4829 geldi', kinds: ['smsCode'], secrets: ['4829'] },
    { text: 'doğrulama kodu 482 913', kinds: ['smsCode'], secrets: ['482 913', '913'] },
    { text: 'DOĞRULAMA KODU: 482913', kinds: ['smsCode'], secrets: ['482913'] },
    { text: '482913 kodunu girdim ama kabul etmedi', kinds: ['smsCode'], secrets: ['482913'] },
    { text: "482913'ü kod olarak yazdım", kinds: ['smsCode'], secrets: ['482913'] },
    { text: 'Onay kodu olarak 73921 geldi', kinds: ['smsCode'], secrets: ['73921'] },
    { text: 'sms ile gelen kod 5567 ama süre doldu', kinds: ['smsCode'], secrets: ['5567'] },
    { text: 'my code is 739215', kinds: ['smsCode'], secrets: ['739215'] },
    { text: 'The verification code 739 215 expired', kinds: ['smsCode'], secrets: ['739 215', '215'] },
    { text: 'OTP 90817263 came twice', kinds: ['smsCode'], secrets: ['90817263'] },
    // Card numbers and IBANs.
    { text: 'kartım 4111 1111 1111 1111', kinds: ['cardNumber'], secrets: ['1111 1111'] },
    { text: 'Kart numarası 4111.1111.1111.1111 ile ödedim', kinds: ['cardNumber'], secrets: ['4111.1111', '1111.1111'] },
    { text: 'card 4111-1111-1111-1111 exp 12/28', kinds: ['cardNumber'], secrets: ['4111-1111'] },
    { text: 'Ödemeyi 4111111111111111 numaralı kartla yaptım', kinds: ['cardNumber'], secrets: ['4111111111111111'] },
    { text: 'IBAN TR33 0006 1005 1978 6457 8413 26', kinds: ['iban'], secrets: ['6457', 'TR33'] },
    { text: 'iban: TR330006100519786457841326 hesabıma iade olur mu', kinds: ['iban'], secrets: ['TR330006100519786457841326', '8413'] },
    { text: 'Refund to tr33 0006 1005 1978 6457 8413 26 please', kinds: ['iban'], secrets: ['8413 26'] },
    // Passwords: after the keyword, before it (Turkish word order), in capitals, abbreviated.
    { text: 'şifrem: Gizli123', kinds: ['password'], secrets: ['Gizli123'] },
    { text: 'ŞİFREM Gizli123', kinds: ['password'], secrets: ['Gizli123'] },
    { text: 'ŞİFREM: gizli', kinds: ['password'], secrets: ['gizli'] },
    { text: 'Abc12345 şifremle giremiyorum', kinds: ['password'], secrets: ['Abc12345'] },
    { text: 'e-Devlet şifrem Kedi.2024 ama olmuyor', kinds: ['password'], secrets: ['Kedi.2024'] },
    { text: 'parolam şu: yaz!Kış9', kinds: ['password'], secrets: ['yaz!Kış9'] },
    { text: 'pin 4821', kinds: ['password'], secrets: ['4821'] },
    { text: 'PIN kodum 4821', kinds: ['smsCode'], secrets: ['4821'] },
    { text: '4821 pinimi girdim, kilitlendi', kinds: ['password'], secrets: ['4821'] },
    { text: 'my password is hunter2', kinds: ['password'], secrets: ['hunter2'] },
    { text: 'my pwd: hunter2', kinds: ['password'], secrets: ['hunter2'] },
    { text: 'Password=Summer2024!', kinds: ['password'], secrets: ['Summer2024'] },
    { text: 'My PIN is 0000 and it is locked', kinds: ['password'], secrets: ['0000'] },
    { text: 'The passcode : Xy7#kq', kinds: ['password'], secrets: ['Xy7#kq'] },
    { text: 'Şifre olarak Bvu2024* yazdım', kinds: ['password'], secrets: ['Bvu2024*'] },
    { text: 'Yeni şifrem = KamuSm!7', kinds: ['password'], secrets: ['KamuSm!7'] },
    { text: 'kodu 482-913 olarak geldi', kinds: ['smsCode'], secrets: ['482-913'] },
    { text: 'password123 is my password, right?', kinds: ['password'], secrets: ['password123'] },
    { text: 'Mehmet Kaya TC10000000146, şifrem Abc12345', kinds: ['nationalId', 'password'], secrets: ['10000000146', 'Abc12345'] },
    { text: 'kart 4111 1111 1111 1111 ve sms kodu 482913', kinds: ['cardNumber', 'smsCode'], secrets: ['1111 1111', '482913'] },
];

export const HARMLESS_ROWS: string[] = [
    // Phone numbers, extensions and the short code the bot itself gives out.
    'Kütüphaneyi 0 212 523 22 88 numarasından aradım',
    'dahili 3503 meşguldü',
    'Cep: 0531 393 24 65, akşam arayın',
    'kısa kod 1093 ile bağlanamadım',
    'Kısa kodu 1093 olan hat hangisi?',
    'T: 0 212 523 22 88 – 3503',
    '+90 531 393 24 65 numaralı telefonum',
    'My number is 0531 393 24 65',
    'Please call extension 3503',
    'I dialled the short code 1093 twice',
    'telefonum 0531 393 24 65',
    'Telefon: 0212 523 22 88 / 3503',
    // Ticket numbers, order numbers, step numbers.
    'Talep #1001 ne durumda?',
    '#1002 numaralı talebim çözüldü mü',
    'Ticket #1001 is still open',
    'Sipariş numaram 2026-000123',
    'Order number 56781234 has not arrived',
    'Başvuru numarası 2026112900 olarak görünüyor',
    'Adım 5 tamam',
    'Step 12 of 17 is done',
    '3. adımda kaldım',
    // Dates and times.
    'Randevum 12.03.2026 tarihinde',
    'Başvuruyu 29.11.2026 saat 14:30 da yaptım',
    'Kargo 2026-12-01 tarihinde geldi',
    'The form arrived on 01/12/2026',
    'Sertifikam 2027’ye kadar geçerli',
    'I applied on 29 November 2026',
    'Ders 10.30 - 12.00 arası',
    // Fees and amounts.
    'Ücret 1.250 TL mi?',
    'KamuSM 2.450,00 TL istedi',
    'The fee is 1,250 TRY',
    'Yenileme 3 yıllık 1.850 TL',
    '2 adet kart okuyucu lazım',
    // Talking about passwords and codes without giving one.
    'şifremi unuttum',
    'ŞİFREMİ UNUTTUM',
    'e-Devlet şifremle giriş yaptım',
    'PIN kodumu unuttum, ne yapmalıyım?',
    'SMS kodu gelmedi',
    'Doğrulama kodu hiç gelmiyor',
    'Şifremi 3 kez yanlış girdim',
    "Şifremi 2026'da değiştirdim",
    'my password is not working',
    'I forgot my password',
    'My PIN is blocked after 3 tries',
    'The SMS code never came',
    'Where do I type the verification code?',
    'e-imza PIN’imi nereden öğrenirim?',
    'Kod gelmedi, tekrar gönder',
    'Onay ekranında takıldım',
    'Şifre sıfırlama ekranı açılmıyor',
    // Everyday sentences with numbers.
    'Kardiyoloji, 4. kat, oda 412',
    'Doç. Dr. Ayşe Yılmaz',
    'Merkez kampüs, B blok',
    'Windows 11 kullanıyorum, Chrome 131',
    'Java 8 kurulu ama imzalayamıyorum',
    'USB 3.0 girişine taktım',
    'e-imzam 2 yıl önce bitti',
    '5070 sayılı kanuna göre mi?',
    'Started at 9:15, finished at 10:40',
    'Room 3503 is the library?',
];
