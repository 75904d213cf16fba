import type * as AdaptiveCards from 'adaptivecards';

/**
 * The official Adaptive Cards SDK. `require('adaptivecards')` fails on Node 20+ (its main entry
 * is not loadable there); the UMD bundle is the same SDK and parses and validates without a DOM.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;
