// Errors a user can act on; routes and commands turn them into a clear message, never a stack trace.

export class ParentisError extends Error {
  override name = 'ParentisError';
}

export class NotFoundError extends ParentisError {
  override name = 'NotFoundError';
}

/** Bad input: names the field (or file, row and column) at fault. */
export class ValidationError extends ParentisError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Someone else changed the record since the caller read it; nothing was written. */
export class StaleWriteError extends ParentisError {
  override name = 'StaleWriteError';
  constructor(
    message: string,
    readonly currentVersion: number,
    readonly change?: { actor: string; event: string; at: Date; after: unknown; before?: unknown },
  ) {
    super(message);
  }
}

export class ConflictError extends ParentisError {
  override name = 'ConflictError';
}

/** The signed-in person's role does not allow this; nothing was read or written. */
export class ForbiddenError extends ParentisError {
  override name = 'ForbiddenError';
}
