/**
 * Which files of a problem package the reader uses: the problem definition, its statement, its
 * test data, its output validator and its accepted Python/C++ submissions (a package without a
 * time limit derives one from them). Everything else (other submissions, generators, attachments,
 * binaries) is left out of what is loaded, indexed and stored. One list for the Node reader, the
 * bundled-content index and browser imports. These are all text; a browser import also keeps the
 * statement's images, as bytes (statementImages.ts).
 */
const PACKAGE_FILE =
  /^(problem\.yaml|\.timelimit|(problem_)?statement\/.*\.(md|tex)|data\/.*\.(in|ans|yaml)|output_validators?\/.*|submissions\/accepted\/[^/]+\.(py|cpp|cc|cxx))$/;

/** `path` is relative to the package root, with forward slashes. */
export function isPackageFile(path: string): boolean {
  return PACKAGE_FILE.test(path);
}
