import { LANGUAGES, type Language } from '../core/language';
import { GALLERY_GROUPS, type GalleryCard, type GalleryGroup } from './cardGallery';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a <script> block: no `</script>` or `<!--` can close it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** How each client lays out a card's buttons, picked on the page with `?host=`. */
export const GALLERY_HOSTS = {
    teams: {
        label: 'Teams',
        note: 'buttons side by side, wrapping onto the next row when they do not fit; six at most, the rest in a "…" menu',
        actions: { maxActions: 6, actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, showCard: { actionMode: 'inline' } },
    },
    webchat: {
        label: 'Web Chat',
        note: "one button per row, as wide as the card (Web Chat's own host config)",
        actions: { maxActions: 100, actionsOrientation: 'vertical', actionAlignment: 'stretch', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 } },
    },
} as const;
export type GalleryHost = keyof typeof GALLERY_HOSTS;

/** Elements Teams draws that the JavaScript renderer (and Web Chat) replaces by their `fallback`: not a fault of the card. */
export const TEAMS_ONLY_ELEMENTS = ['Chart.VerticalBar'];

export interface GalleryPageOptions {
    /** The Adaptive Cards renderer (`adaptivecards/dist/adaptivecards.min.js`), inlined so the page works offline. */
    rendererScript: string;
    title: string;
}

/**
 * One static page: every card, Turkish and English side by side (one under the other on a phone),
 * rendered in the browser by the official Adaptive Cards renderer with the buttons laid out as
 * Teams or as Web Chat lays them out (`?host=teams`, the default, or `?host=webchat`).
 */
export function galleryHtml(cards: GalleryCard[], options: GalleryPageOptions): string {
    const rows = new Map<string, { group: GalleryGroup; caption: string; audience: string; byLanguage: Partial<Record<Language, GalleryCard>> }>();
    for (const card of cards) {
        const row = rows.get(card.id) ?? { group: card.group, caption: card.caption, audience: card.audience, byLanguage: {} };
        row.byLanguage[card.language] = card;
        rows.set(card.id, row);
    }
    const sections = GALLERY_GROUPS.map((group) => {
        const inGroup = [...rows.entries()].filter(([, row]) => row.group === group);
        if (inGroup.length === 0) return '';
        const items = inGroup
            .map(
                ([id, row]) => `
<section class="row" id="${escapeHtml(id)}">
  <h3><a href="#${escapeHtml(id)}">${escapeHtml(row.caption)}</a> <code>${escapeHtml(id)}</code>${row.audience === 'staff' ? ' <span class="tag">staff channel</span>' : ''}</h3>
  <div class="pair">${LANGUAGES.map((language) => `<div class="card" lang="${language}" data-card="${escapeHtml(`${language}:${id}`)}"></div>`).join('')}</div>
</section>`,
            )
            .join('');
        return `<h2 id="group-${group}">${escapeHtml(group)} (${inGroup.length})</h2>${items}`;
    }).join('\n');
    const payload = Object.fromEntries(cards.map((card) => [`${card.language}:${card.id}`, card.content]));
    const hosts = Object.entries(GALLERY_HOSTS);
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
  * { box-sizing: border-box; }
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; background: #f5f5f5; color: #242424; }
  h2 { border-bottom: 2px solid #5b5fc7; padding-bottom: .25rem; text-transform: capitalize; }
  h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; } h3 a { color: inherit; text-decoration: none; }
  code { font-size: .8rem; color: #616161; } .tag { font-size: .75rem; background: #e8ebfa; color: #4f52b2; border-radius: 4px; padding: 0 .4rem; }
  nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0; } nav [aria-current] { font-weight: 700; color: inherit; }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
  .card { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; min-width: 0; }
  .card::before { content: attr(lang); display: block; font-size: .7rem; text-transform: uppercase; color: #616161; padding: .25rem .75rem 0; }
  /* Buttons as the clients draw them: rows that wrap (the renderer's spacer divs give way to a gap), titles that wrap between words. */
  .ac-actionSet { flex-wrap: wrap; gap: 8px; }
  .ac-actionSet > div { display: none; }
  .ac-pushButton { max-width: 100%; min-width: 0; cursor: pointer; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; padding: 5px 12px; font-weight: 600; }
  .ac-pushButton > div { white-space: normal !important; text-overflow: clip !important; overflow-wrap: normal; }
  .ac-pushButton.style-positive { background: #5b5fc7; color: #fff; border-color: #5b5fc7; }
  .ac-textBlock p { margin: 0; } .ac-textBlock ul { margin: 0; padding-left: 1.25rem; }
  @media (max-width: 700px) {
    body { padding: .75rem; }
    .pair { grid-template-columns: minmax(0, 1fr); }
  }
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p>Every card the bot can send (${rows.size} cards × ${LANGUAGES.length} languages), built from the project's card builders, texts and institution profile, and rendered by the official Adaptive Cards renderer. Generated by <code>npm run cards</code>; example names, dates and tickets are samples.</p>
<nav aria-label="Layout">Buttons as in: ${hosts.map(([host, { label }]) => `<a href="?host=${host}" data-host="${host}">${escapeHtml(label)}</a>`).join('')}</nav>
<p id="host-note"></p>
<nav aria-label="Groups">${GALLERY_GROUPS.map((group) => `<a href="#group-${group}">${escapeHtml(group)}</a>`).join('')}</nav>
${sections}
<script>${options.rendererScript.replace(/<\/script/gi, '<\\/script')}</script>
<script id="cards" type="application/json">${scriptJson(payload)}</script>
<script id="hosts" type="application/json">${scriptJson(GALLERY_HOSTS)}</script>
<script id="teams-only" type="application/json">${scriptJson(TEAMS_ONLY_ELEMENTS)}</script>
<script>
(function () {
  var AC = window.AdaptiveCards;
  // As Teams does: the buttons past the sixth go into a "…" menu.
  AC.GlobalSettings.allowMoreThanMaxActionsInOverflowMenu = true;
  var cards = JSON.parse(document.getElementById('cards').textContent);
  var hosts = JSON.parse(document.getElementById('hosts').textContent);
  var teamsOnly = JSON.parse(document.getElementById('teams-only').textContent);
  function fallsBack(event) {
    return event.event === AC.ValidationEvent.UnknownElementType && teamsOnly.some(function (type) { return event.message.indexOf('"' + type + '"') >= 0; });
  }
  var host = new URLSearchParams(window.location.search).get('host');
  if (!hosts[host]) host = 'teams';
  document.body.setAttribute('data-host', host);
  document.getElementById('host-note').textContent = hosts[host].label + ': ' + hosts[host].note + '.';
  document.querySelector('nav [data-host="' + host + '"]').setAttribute('aria-current', 'page');
  var hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif', actions: hosts[host].actions, supportsInteractivity: true });
  function escape(text) { return text.replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  // The Markdown Teams renders in TextBlocks and facts: bold, italic, links, bulleted lines.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    var lines = escape(text).split(/\\r?\\n/);
    var html = '', inList = false;
    lines.forEach(function (line) {
      var item = /^\\s*[-*] (.*)$/.exec(line);
      if (item && !inList) { html += '<ul>'; inList = true; }
      if (!item && inList) { html += '</ul>'; inList = false; }
      var body = (item ? item[1] : line)
        .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
        .replace(/(^|\\s)_(.+?)_(?=\\s|$)/g, '$1<em>$2</em>')
        .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
      html += item ? '<li>' + body + '</li>' : (body ? '<p>' + body + '</p>' : '');
    });
    if (inList) html += '</ul>';
    result.outputHtml = html;
    result.didProcess = true;
  };
  var failures = [];
  document.querySelectorAll('[data-card]').forEach(function (slot) {
    var key = slot.getAttribute('data-card');
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    var context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(cards[key], context);
    for (var i = 0; i < context.eventCount; i++) if (!fallsBack(context.getEventAt(i))) failures.push(key + ': ' + context.getEventAt(i).message);
    card.onExecuteAction = function () {};
    var rendered = card.render();
    if (!rendered) { failures.push(key + ': not rendered'); return; }
    slot.appendChild(rendered);
  });
  document.body.setAttribute('data-rendered', String(document.querySelectorAll('[data-card] .ac-adaptiveCard').length));
  if (failures.length) { failures.forEach(function (failure) { console.error(failure); }); }
})();
</script>
</body>
</html>
`;
}
