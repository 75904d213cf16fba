import * as assert from 'assert';
import { galleryCards } from '../../tools/cardGallery';
import { buildersCalledBy, cardBuilders, type CardBuilder } from '../support/cardBuilders';
import { profile, translator } from '../support/testBot';

/**
 * Exported functions of cards/ that return an Attachment but are no card the bot sends, each with
 * the reason. Empty: every builder draws a card a user or the library sees.
 */
const NOT_CARDS: Record<string, string> = {};

describe('the card gallery shows every card builder (npm run cards)', function () {
    // The TypeScript checker reads cards/ and the botbuilder types it uses: a few seconds.
    this.timeout(60_000);
    let builders: CardBuilder[] = [];

    before(() => {
        builders = cardBuilders();
    });

    it('finds the builders in cards/ by their return type, and only them', () => {
        const names = builders.map(({ module, name }) => `${module}.${name}`);
        for (const builder of ['stepCard.stepCard', 'renewalCards.renewalReminderCard', 'insightsCard.insightsCard', 'ticketCards.staffTicketCard', 'guideCard.renderGuideCard']) {
            assert.ok(names.includes(builder), `${builder} is a card builder`);
        }
        for (const helper of ['renewalCards.formatExpiry', 'commonActions.choiceActions', 'infoCards.paymentTable', 'ticketCards.staffThreadMessage']) {
            assert.ok(!names.includes(helper), `${helper} returns no card`);
        }
    });

    it('calls every card builder of cards/ at least once (a new card must be added to tools/cardGallery.ts)', () => {
        const called = buildersCalledBy(builders, () => galleryCards(translator, profile));
        const missing = builders.map(({ module, name }) => `${module}.${name}`).filter((builder) => !called.has(builder) && !(builder in NOT_CARDS));
        assert.deepStrictEqual(missing, [], 'card builders the gallery does not show');
    });
});
