const TURKISH_TO_ASCII: Record<string, string> = { ı: 'i', ğ: 'g', ü: 'u', ş: 's', ö: 'o', ç: 'c', â: 'a', î: 'i', û: 'u' };

/**
 * Folds text for matching the way a Turkish reader would: Turkish case rules (İ→i, I→ı),
 * then diacritics dropped, so "İPTAL", "Iptal", "iptal" and "yardim"/"yardım" compare equal.
 */
export function foldText(text: string): string {
    return text
        .toLocaleLowerCase('tr-TR')
        .normalize('NFC')
        .replace(/[ığüşöçâîû]/g, (ch) => TURKISH_TO_ASCII[ch] ?? ch)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}

export function sameText(a: string, b: string): boolean {
    return foldText(a) === foldText(b);
}
