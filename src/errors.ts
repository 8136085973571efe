/** A mistake the user can fix (bad flag, missing input): exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A policy or catalog file that does not validate. Carries where and what, for exit code 2. */
export class PolicyError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly key: string;
  readonly found: string;
  readonly allowed: string;

  constructor(init: { file: string; line: number; column: number; key: string; found: string; allowed: string; message?: string }) {
    super(
      init.message ??
        `${init.file}:${init.line}:${init.column}: ${init.key ? `${init.key}: ` : ''}found ${init.found}; allowed: ${init.allowed}`,
    );
    this.name = 'PolicyError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.key = init.key;
    this.found = init.found;
    this.allowed = init.allowed;
  }
}

/** Several policy errors reported together (every problem in the file, not only the first). */
export class PolicyErrors extends Error {
  readonly errors: PolicyError[];
  constructor(errors: PolicyError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'PolicyErrors';
    this.errors = errors;
  }
}
