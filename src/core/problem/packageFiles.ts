/**
 * Which files of a problem package the reader uses: the problem definition, its statement, its
 * test data and its output validator. Everything else (submissions, generators, attachments,
 * binaries) is left out of what is loaded, indexed and stored. One list for the Node reader, the
 * bundled-content index and browser imports.
 */
const PACKAGE_FILE =
  /^(problem\.yaml|\.timelimit|(problem_)?statement\/.*\.(md|tex)|data\/.*\.(in|ans|yaml)|output_validators?\/.*)$/;

/** `path` is relative to the package root, with forward slashes. */
export function isPackageFile(path: string): boolean {
  return PACKAGE_FILE.test(path);
}
