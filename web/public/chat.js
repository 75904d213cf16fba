// Starts Web Chat with a Direct Line token and keeps the page in the chat's language; every text comes from the page's config.
(function () {
    'use strict';
    var config = JSON.parse(document.getElementById('webchat-config').textContent);
    var host = document.getElementById('webchat');
    var domain = config.directLineDomain || window.location.origin + '/v3/directline';
    var language = config.language;
    var directLine;
    // The chat's own token and conversation, from the token endpoint's answers (never read out of Direct Line's client).
    var session = null;
    var SESSION_REFRESH_MS = 15 * 60 * 1000;
    var store;

    // One saved conversation per language: the language link starts a chat in the other language,
    // a switch made inside the chat takes its conversation along.
    function savedKey(lang) {
        return 'eimza.webchat.' + config.languages[lang].locale;
    }

    function post(url, token) {
        var headers = { 'Content-Type': 'application/json' };
        if (token) headers.Authorization = 'Bearer ' + token;
        return fetch(url, { method: 'POST', headers: headers, body: '{}' }).then(function (response) {
            if (!response.ok) throw new Error('HTTP ' + response.status);
            return response.json();
        });
    }

    function readSaved() {
        try {
            var saved = JSON.parse(window.sessionStorage.getItem(savedKey(language)) || 'null');
            return saved && saved.token && saved.conversationId ? saved : null;
        } catch (ignored) {
            return null;
        }
    }

    function save() {
        try {
            if (session && session.token && session.conversationId) {
                window.sessionStorage.setItem(savedKey(language), JSON.stringify({ token: session.token, conversationId: session.conversationId }));
            }
        } catch (ignored) {
            /* private browsing: the chat simply starts afresh next time */
        }
    }

    function forget(lang) {
        try {
            window.sessionStorage.removeItem(savedKey(lang));
        } catch (ignored) {
            /* nothing was saved */
        }
    }

    // A reload resumes the saved conversation while its token can still be refreshed.
    function connection() {
        var saved = readSaved();
        var fresh = function () {
            return post(config.tokenUrl).then(function (result) {
                return { token: result.token, conversationId: result.conversationId, fresh: true };
            });
        };
        if (!saved) return fresh();
        return post(domain + '/tokens/refresh', saved.token)
            .then(function (result) {
                return { token: result.token, conversationId: saved.conversationId };
            })
            .catch(function () {
                forget(language);
                return fresh();
            });
    }

    function showError() {
        host.innerHTML = '';
        var message = document.createElement('p');
        message.className = 'status';
        message.setAttribute('role', 'alert');
        message.textContent = config.languages[language].texts.connectError;
        host.appendChild(message);
    }

    // The header, notes, title and `lang` in the chat's language; the language link points to the other one.
    function showPageIn(lang) {
        var page = config.languages[lang];
        var other = lang === 'tr' ? 'en' : 'tr';
        document.documentElement.lang = lang;
        document.title = page.texts.pageTitle;
        Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) {
            var key = element.getAttribute('data-text');
            element.textContent = key === 'initials' ? page.initials : page.texts[key];
        });
        document.querySelector('main').setAttribute('aria-label', page.texts.chatLabel);
        var link = document.getElementById('switch-language');
        link.textContent = page.texts.switchLanguage;
        link.setAttribute('aria-label', page.texts.switchLanguageLabel);
        link.setAttribute('lang', other);
        link.setAttribute('hreflang', other);
        link.setAttribute('href', '?lang=' + other);
        // A CSS string: the mark on the button a user chose (see page.css).
        document.documentElement.style.setProperty('--chosen-label', JSON.stringify(page.texts.chosen));
    }

    // Web Chat names a card by its `speak` text: a step card shown twice would make two landmarks with one name.
    var unnamed = new WeakMap();
    function withoutSpeak(attachment) {
        if (!attachment || !attachment.content || attachment.content.speak === undefined) return attachment;
        var copy = unnamed.get(attachment);
        if (!copy) {
            var content = Object.assign({}, attachment.content);
            delete content.speak;
            copy = Object.assign({}, attachment, { content: content });
            unnamed.set(attachment, copy);
        }
        return copy;
    }
    function attachmentMiddleware() {
        return function (next) {
            return function (card) {
                return next(Object.assign({}, card, { attachment: withoutSpeak(card.attachment) }));
            };
        };
    }

    function render() {
        var page = config.languages[language];
        window.WebChat.renderWebChat(
            {
                directLine: directLine,
                store: store,
                locale: page.locale,
                styleOptions: Object.assign({}, config.styleOptions, { botAvatarInitials: page.initials }),
                overrideLocalizedStrings: page.webChatStrings,
                attachmentMiddleware: attachmentMiddleware,
            },
            host,
        );
    }

    function languageOfLocale(locale) {
        var found = null;
        Object.keys(config.languages).forEach(function (lang) {
            if (locale && locale.toLowerCase().indexOf(lang) === 0) found = lang;
        });
        return found;
    }

    // The bot's replies carry the language it answers in: "Continue in English" or "Türkçe" typed in the chat moves the page too.
    function follow(activity) {
        if (!activity || activity.type !== 'message' || !activity.replyToId || (activity.from && activity.from.role === 'user')) return;
        var next = languageOfLocale(activity.locale);
        if (!next || next === language) return;
        forget(language);
        language = next;
        save();
        var url = new URL(window.location.href);
        url.searchParams.set('lang', next);
        window.history.replaceState(window.history.state, '', url.href);
        showPageIn(next);
        render();
    }

    store = window.WebChat.createStore({}, function () {
        return function (next) {
            return function (action) {
                var result = next(action);
                if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
                    var activity = action.payload && action.payload.activity;
                    // After the store has taken the activity: re-rendering Web Chat inside its own dispatch is not allowed.
                    window.setTimeout(function () {
                        follow(activity);
                    }, 0);
                }
                return result;
            };
        };
    });

    showPageIn(language);
    // Keeps the saved token alive for a reload, as Direct Line's client does for its own.
    function refreshSession() {
        if (!session) return;
        post(domain + '/tokens/refresh', session.token)
            .then(function (result) {
                session = { token: result.token, conversationId: session.conversationId };
                save();
            })
            .catch(function () {
                /* the next reload starts afresh */
            });
    }

    connection()
        .then(function (start) {
            session = { token: start.token, conversationId: start.conversationId };
            window.setInterval(refreshSession, SESSION_REFRESH_MS);
            directLine = window.WebChat.createDirectLine({
                token: start.token,
                // A generated token already names its conversation: Direct Line's client then starts it (with the locale below).
                conversationId: start.fresh ? undefined : start.conversationId,
                domain: domain,
                webSocket: true,
                conversationStartProperties: { locale: config.languages[language].locale },
            });
            directLine.connectionStatus$.subscribe(function (status) {
                if (status === 2) save(); // 2 = Online
            });
            window.addEventListener('pagehide', save);
            host.innerHTML = '';
            render();
        })
        .catch(showError);
})();
