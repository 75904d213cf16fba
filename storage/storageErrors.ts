/** A conditional write lost: someone else changed the item since it was read. */
export class ETagConflictError extends Error {
    readonly code = 'ETAG_CONFLICT';
    readonly status = 412;
    constructor(readonly key: string) {
        super(`Storage: error writing "${key}" due to eTag conflict.`);
    }
}

/** The store cannot be reached or answered with an error; the turn can be retried later. */
export class StoreUnavailableError extends Error {
    readonly code = 'STORE_UNAVAILABLE';
    readonly status = 503;
}
