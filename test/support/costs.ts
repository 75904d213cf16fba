/**
 * Milliseconds each of two pieces of work takes at its best of `runs` runs, run by turns: the
 * cheapest run is the one least disturbed by the garbage collector, and taking turns spreads any
 * other process's load over both, so the two costs compare fairly on any machine.
 */
export function costs(first: () => unknown, second: () => unknown, runs = 9): [number, number] {
    first(); // warms the JIT
    second();
    const best = [Infinity, Infinity];
    for (let run = 0; run < runs; run++) {
        [first, second].forEach((work, index) => {
            const started = process.hrtime.bigint();
            work();
            best[index] = Math.min(best[index], Number(process.hrtime.bigint() - started) / 1e6);
        });
    }
    return [best[0], best[1]];
}
