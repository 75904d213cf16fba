import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as ts from 'typescript';
import { fromRoot } from '../../core/projectPaths';

export interface CardBuilder {
    /** The file in `cards/`, without `.ts`. */
    module: string;
    name: string;
}

/** True for botbuilder's Attachment, and for a union, array or promise that holds one. */
function holdsAttachment(checker: ts.TypeChecker, type: ts.Type): boolean {
    if (type.isUnion()) return type.types.some((member) => holdsAttachment(checker, member));
    if ((type.getSymbol() ?? type.aliasSymbol)?.getName() === 'Attachment') return true;
    const typeArguments = type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type as ts.TypeReference) : [];
    return typeArguments.some((argument) => holdsAttachment(checker, argument));
}

/**
 * Every exported function of `cards/*.ts` that returns an Attachment, found by the TypeScript
 * checker from the sources (so a builder counts whether or not its return type is written out).
 */
export function cardBuilders(dir = fromRoot('cards')): CardBuilder[] {
    const files = fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join(dir, file));
    const program = ts.createProgram(files, {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        resolveJsonModule: true,
        skipLibCheck: true,
        noEmit: true,
    });
    const checker = program.getTypeChecker();
    return files.flatMap((file) => {
        const source = program.getSourceFile(file)!;
        const moduleSymbol = checker.getSymbolAtLocation(source);
        if (!moduleSymbol) return [];
        return checker
            .getExportsOfModule(moduleSymbol)
            .filter((exported) =>
                checker
                    .getTypeOfSymbolAtLocation(exported, source)
                    .getCallSignatures()
                    .some((signature) => holdsAttachment(checker, signature.getReturnType())),
            )
            .map((exported) => ({ module: path.basename(file, '.ts'), name: exported.getName() }));
    });
}

/**
 * Runs `build` with every builder's export wrapped, and answers the builders it called. Modules call
 * each other's exports through the module object (CommonJS), so a call from anywhere is seen.
 */
export function buildersCalledBy(builders: readonly CardBuilder[], build: () => void): Set<string> {
    const load = createRequire(__filename);
    const called = new Set<string>();
    const restore: (() => void)[] = [];
    for (const { module, name } of builders) {
        // The compiled module the rest of the code requires: cards/ beside this file's compiled tree.
        const exports = load(path.join(__dirname, '..', '..', 'cards', module)) as Record<string, unknown>;
        const original = exports[name] as (...args: unknown[]) => unknown;
        exports[name] = function (this: unknown, ...args: unknown[]) {
            called.add(`${module}.${name}`);
            return original.apply(this, args);
        };
        restore.push(() => {
            exports[name] = original;
        });
    }
    try {
        build();
    } finally {
        restore.forEach((undo) => undo());
    }
    return called;
}
