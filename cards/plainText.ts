/**
 * Text someone typed (a user's question, name or answer, a staff reply), made safe to show in a
 * card or a Teams message, where text is read as Markdown: it is shown as plain text, so
 * `[Onayla](https://…)` shows its address instead of becoming a link, `**` stays two stars, and
 * Adaptive Cards' `{{DATE(…)}}` functions are not evaluated.
 */
export function plainText(text: string): string {
    return (
        text
            // Markdown's punctuation, escaped with a backslash as CommonMark (and Adaptive Cards) read it.
            .replace(/[\\`*_[\]~]/g, (char) => `\\${char}`)
            // A line that starts like a list item ("- x", "+ x", "1. x") stays a plain line.
            .replace(/^(\s*)([-+]|\d+[.)])(?=\s)/gm, (_line, indent: string, marker: string) => `${indent}${marker.replace(/([-+.)])$/, '\\$1')}`)
            // "{{" starts a text function in Adaptive Cards; a zero-width space between the braces stops it.
            .replace(/\{\{/g, '{\u200b{')
    );
}

/** At most `max` characters (an ellipsis marks a cut), never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
    if (text.length <= max) return text;
    let end = max - 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    return `${text.slice(0, end)}…`;
}
