import * as assert from 'assert';
import * as fs from 'fs';
import { fromRoot } from '../../core/projectPaths';
import type { WebChatTheme } from '../../web/webChatPage';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
    const luminance = (hex: string) => {
        const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}

describe('the web chat theme (web/webChatTheme.json)', () => {
    const theme = JSON.parse(fs.readFileSync(fromRoot('web', 'webChatTheme.json'), 'utf8')) as WebChatTheme;
    const { page } = theme;
    const style = theme.styleOptions as Record<string, string>;

    it('small text is at least 4.5:1 against what it is drawn on', () => {
        const pairs: [string, string, string][] = [
            ['page text', page.text, page.background],
            ['notes', page.muted, page.background],
            ['header', page.brandText, page.brand],
            ['a chosen button', page.brand, page.chosen],
            ["card text, subtle (the step's phase)", style.subtle, style.bubbleBackground],
            ['subtle text on the chat (timestamps)', style.subtle, style.backgroundColor],
            ['accent on a card ("Adım n / N")', style.accent, style.bubbleBackground],
            ['card buttons', style.accent, style.backgroundColor],
            ["the user's bubble", style.bubbleFromUserTextColor, style.bubbleFromUserBackground],
            ['a chosen button (Web Chat)', style.cardPushButtonTextColor, style.cardPushButtonBackgroundColor],
        ];
        const low = pairs.filter(([, text, background]) => contrast(text, background) < 4.5).map(([what, text, background]) => `${what}: ${text} on ${background} = ${contrast(text, background).toFixed(2)}:1`);
        assert.deepStrictEqual(low, []);
    });

    it('focus rings are at least 3:1 against the chat and the page', () => {
        for (const background of [page.surface, page.background, style.bubbleBackground]) assert.ok(contrast(page.focus, background) >= 3, `${page.focus} on ${background}`);
        assert.ok(contrast(style.transcriptVisualKeyboardIndicatorColor, style.backgroundColor) >= 3);
    });
});
