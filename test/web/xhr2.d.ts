// xhr2 ships no types; the tests only hand its XMLHttpRequest to botframework-directlinejs as a global.
declare module 'xhr2' {
    const XMLHttpRequest: unknown;
    export = XMLHttpRequest;
}
