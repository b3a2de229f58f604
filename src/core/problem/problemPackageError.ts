/** A problem package that cannot be read: says which file and what is wrong with it. */
export class ProblemPackageError extends Error {
  constructor(
    message: string,
    /** Path inside the package the problem concerns, when there is one. */
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'ProblemPackageError';
  }
}
