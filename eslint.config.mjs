// Type-aware recommended rules of typescript-eslint over all TypeScript of the project.
// No stylistic rule is on: Prettier formats. The one rule eslint-config-prettier would switch off,
// no-unexpected-multiline, cannot fire on Prettier's output, which always ends statements with a semicolon.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A package's own files (its lib/ or src/) are not its API: they move or vanish in any release.
// Bare specifiers only (relative paths are the project's); a bundle under dist/ is the package's published build.
const DEEP_IMPORT = '^(@[^/]+/)?[^./][^/]*/(lib|src)(/|$)';
const DEEP_IMPORT_MESSAGE = 'Import the package by its name (its public API), not a file inside its lib/ or src/.';
const DEEP_IMPORT_SYNTAX = [
    { selector: `CallExpression[callee.name='require'] > Literal.arguments[value=/${DEEP_IMPORT.replaceAll('/', '\\/')}/]`, message: DEEP_IMPORT_MESSAGE },
    { selector: `ImportExpression > Literal.source[value=/${DEEP_IMPORT.replaceAll('/', '\\/')}/]`, message: DEEP_IMPORT_MESSAGE },
];
// An SDK's private members are no API either: botbuilder will never be fixed underneath code that reads them.
const PRIVATE_MEMBER_MESSAGE = 'A double type assertion (x as A as B) hides what a value is, such as an SDK class with its private members: narrow the value or give it its type.';

export default tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'web/vendor/**', 'data/**', '**/*.js', '**/*.mjs'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            // import, export … from, import type, import x = require(…)
            '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: DEEP_IMPORT, message: DEEP_IMPORT_MESSAGE }] }],
            // require(…) and import(…), which the rule above does not see
            'no-restricted-syntax': ['error', ...DEEP_IMPORT_SYNTAX],
            // Its default reports x['member'] where x.member would do, private members included: TypeScript then refuses the dot.
            '@typescript-eslint/dot-notation': 'error',
        },
    },
    {
        // TypeScript refuses `state.stateKey` where botbuilder declares it private; `x['stateKey']` is refused
        // above (dot-notation), `as any` by no-explicit-any; what is left is a double assertion. Tests build
        // their doubles that way (a TurnContext with only an activity, an event a store must refuse).
        files: ['**/*.ts'],
        ignores: ['test/**'],
        rules: {
            'no-restricted-syntax': ['error', ...DEEP_IMPORT_SYNTAX, { selector: 'TSAsExpression > TSAsExpression.expression', message: PRIVATE_MEMBER_MESSAGE }],
        },
    },
);
