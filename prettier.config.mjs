// The code's own style, so that formatting the tree changes as little as it can.
/** @type {import('prettier').Config} */
export default {
    tabWidth: 4,
    singleQuote: true,
    trailingComma: 'all',
    semi: true,
    arrowParens: 'always',
    endOfLine: 'lf',
    // The code keeps a call or an object on one line up to about 200 characters. Measured over every
    // .ts/.js/.mjs file with Prettier 3.10: 210 changes the fewest existing lines (2,227; 200 and 220 a
    // few more, 160 about 2,400, 120 about 3,600).
    printWidth: 210,
    // Long conditions and concatenations here start their continuation lines with the operator.
    experimentalOperatorPosition: 'start',
};
