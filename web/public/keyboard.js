// The chat's keyboard order, on top of Web Chat's own (Tab to the chat history, Enter into a message, Esc out):
// Tab goes from the chat history to the newest card's buttons, then to the message box, and Shift+Tab back;
// after a card's button is used, focus moves to the reply's newest card (or the message box) once the reply is in.
(function () {
    'use strict';
    var host = document.getElementById('webchat');
    var ACTIVITY = '.webchat__basic-transcript__activity';
    var TRANSCRIPT = '.webchat__basic-transcript';
    var FROM_USER = '.webchat__stacked-layout--from-user';
    var CONTROLS = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';
    // A bot's turn sends its messages within a few milliseconds of each other: wait for this much quiet.
    var SETTLE_MS = 300;

    function activities() {
        return Array.prototype.slice.call(host.querySelectorAll(ACTIVITY));
    }
    function fromBot(activity) {
        return !activity.querySelector(FROM_USER);
    }
    function sendBox() {
        return host.querySelector('[data-id="webchat-sendbox-input"]');
    }

    // The buttons, links and fields of a message's content (not Web Chat's invisible focus sentinels).
    function controls(activity) {
        var body = activity.querySelector('.webchat__basic-transcript__activity-body');
        if (!body) return [];
        return Array.prototype.filter.call(body.querySelectorAll(CONTROLS), function (element) {
            return element.getAttribute('aria-disabled') !== 'true' && element.getClientRects().length > 0;
        });
    }

    // A card's first button is the answer to its question; a link in its text comes before it in Tab order.
    function firstChoice(activity) {
        var own = controls(activity);
        return (
            own.filter(function (element) {
                return element.matches('button');
            })[0] || own[0]
        );
    }

    function newestWithControls(list) {
        for (var i = list.length - 1; i >= 0; i--) if (controls(list[i]).length) return list[i];
        return null;
    }

    function focus(element) {
        if (element) element.focus({ preventScroll: true });
        return !!element;
    }

    // Where Tab (or Shift+Tab) from `target` goes instead of where Web Chat sends it; null keeps Web Chat's way.
    function destination(target, backwards) {
        var newest = newestWithControls(activities());
        var activity = target.closest(ACTIVITY);
        var own = activity ? controls(activity) : [];
        if (!backwards) {
            if (target.matches(TRANSCRIPT)) return newest && firstChoice(newest);
            if (activity && target === own[own.length - 1]) return activity === newest ? sendBox() : newest && firstChoice(newest);
            return null;
        }
        if (target === sendBox()) return newest && controls(newest)[controls(newest).length - 1];
        if (activity && target === own[0]) return host.querySelector(TRANSCRIPT);
        return null;
    }

    // On the window, capturing: before Web Chat's own handlers move the focus elsewhere.
    window.addEventListener(
        'keydown',
        function (event) {
            if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !host.contains(event.target)) return;
            var next = destination(event.target, event.shiftKey);
            if (!next) return;
            event.preventDefault();
            event.stopPropagation();
            focus(next);
        },
        true,
    );

    // A card button was used: once the bot's answer has arrived and settled, focus its newest card (or the message box).
    var pending = null;
    var timer = 0;

    host.addEventListener(
        'click',
        function (event) {
            var button = event.target.closest && event.target.closest('.ac-pushButton');
            if (!button || !button.closest(ACTIVITY)) return;
            pending = { from: button, botMessages: activities().filter(fromBot).length };
        },
        true,
    );

    function settle() {
        var clicked = pending;
        pending = null;
        var focused = document.activeElement;
        // Only if the focus is still where the click left it: someone already typing or reading elsewhere keeps their place.
        if (focused && focused !== clicked.from && focused !== document.body) return;
        var answer = activities().filter(fromBot).slice(clicked.botMessages);
        var newest = newestWithControls(answer);
        focus(newest ? firstChoice(newest) : sendBox());
    }

    new MutationObserver(function () {
        if (!pending || activities().filter(fromBot).length <= pending.botMessages) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(settle, SETTLE_MS);
    }).observe(host, { childList: true, subtree: true });
})();
