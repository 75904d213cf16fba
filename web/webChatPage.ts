import * as fs from 'fs';
import type { Translator } from '../core/i18n';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../core/language';
import { fromRoot } from '../core/projectPaths';
import { profileTextValues, type InstitutionProfile } from '../institution/institutionProfile';
import { InternalError } from '../core/errors';

export interface WebChatTheme {
    page: { brand: string; brandText: string; background: string; surface: string; text: string; muted: string };
    styleOptions: Record<string, unknown>;
}

/** How the page gets its Direct Line token: the local endpoint, or the bot's production token endpoint. */
export interface TokenSource {
    tokenUrl: string;
    /** Direct Line base URL the widget talks to; absent = this page's own origin. */
    directLineDomain?: string;
}

export interface PageInputs {
    language: Language;
    translator: Translator;
    profile: InstitutionProfile;
    theme: WebChatTheme;
    tokenSource: TokenSource;
    bundleUrl: string;
}

const WEB_CHAT_LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-US' };
const TEXT_KEYS = ['pageTitle', 'siteName', 'assistantName', 'tagline', 'privacyNote', 'switchLanguage', 'switchLanguageLabel', 'chatLabel', 'loading', 'noScript'] as const;

let template: string | undefined;

export function languageFromQuery(value: string | undefined): Language {
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
}

/** The page around the widget; every sentence comes from `locales/<lang>/web.json`. */
export function renderWebChatPage({ language, translator, profile, theme, tokenSource, bundleUrl }: PageInputs): string {
    template ??= fs.readFileSync(fromRoot('web', 'public', 'page.html'), 'utf8');
    const values = profileTextValues(profile, language);
    const text = (key: string) => translator.t(language, `web.${key}`, values);
    const other = LANGUAGES.find((candidate) => candidate !== language) ?? language;
    const initials = initialsOf(profile.name[language], WEB_CHAT_LOCALES[language]);
    const config = {
        locale: WEB_CHAT_LOCALES[language],
        tokenUrl: tokenSource.tokenUrl,
        directLineDomain: tokenSource.directLineDomain ?? null,
        styleOptions: { ...theme.styleOptions, botAvatarInitials: initials },
        texts: { connectError: text('connectError'), sendBoxPlaceholder: text('sendBoxPlaceholder') },
    };
    const slots: Record<string, string> = {
        ...Object.fromEntries(TEXT_KEYS.map((key) => [key, escapeHtml(text(key))])),
        htmlLang: language,
        switchLang: other,
        switchHref: `?lang=${other}`,
        initials: escapeHtml(initials),
        themeVariables: escapeHtml(cssVariables(theme.page)),
        bundleUrl: escapeHtml(bundleUrl),
        // `<` escaped so no value can close the script element it sits in.
        configJson: JSON.stringify(config).replace(/</g, '\\u003c'),
    };
    return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
        const value = slots[name];
        if (value === undefined) throw new InternalError(`page.html uses an unknown slot {{${name}}}`);
        return value;
    });
}

function initialsOf(name: string, locale: string): string {
    return name.split(/\s+/).filter(Boolean).slice(0, 3).map((word) => word[0].toLocaleUpperCase(locale)).join('');
}

function cssVariables(page: WebChatTheme['page']): string {
    return Object.entries(page).map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`).join(' ');
}

function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
