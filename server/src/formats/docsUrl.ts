/**
 * The public web address of each diagnostic code's page, for reports read away from this
 * machine (SARIF's helpUri, shown by GitHub code scanning). Never a local file path: the page
 * is the repository's `docs/rules/CODE.md`, found from package.json `repository` (or
 * `homepage`), or a URL the user gives (`jfp-check --docs-url`, `.jfp.json` "docsUrl").
 */
import pkg from '../../../package.json' with { type: 'json' };

/** A docs URL: a base ending in '/', to which CODE.md is added, or a template with `{code}`. */
export type DocsUrl = string;

/**
 * The web page of a repository given as npm does in package.json: "https://github.com/o/r.git",
 * "git+https://...", "git@github.com:o/r.git", "github:o/r" or "o/r". Undefined when it is not
 * on a host whose file pages we know (GitHub, GitLab, Codeberg, Bitbucket).
 */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null && typeof (repository as { url?: unknown }).url === 'string' ? (repository as { url: string }).url : undefined;
  if (!raw) return undefined;
  let url = raw.trim();
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) url = `https://${short[1] ?? 'github'}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`;
  url = url
    .replace(/^git\+/, '')
    .replace(/^git@([^:/]+):/, 'https://$1/')
    .replace(/^(?:git|ssh):\/\/(?:[^@/]+@)?/, 'https://')
    .replace(/\.git$/, '')
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '');
  const m = /^https?:\/\/(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/([\w.-]+\/[\w.-]+)$/i.exec(url);
  return m ? `https://${m[1]!.toLowerCase()}/${m[2]}` : undefined;
}

/** The folder of rule pages in a repository's default branch, e.g. https://github.com/o/r/blob/HEAD/docs/rules/. */
export function rulesFolderUrl(web: string): string {
  if (web.startsWith('https://gitlab.com/')) return `${web}/-/blob/HEAD/docs/rules/`;
  if (web.startsWith('https://bitbucket.org/')) return `${web}/src/HEAD/docs/rules/`;
  if (web.startsWith('https://codeberg.org/')) return `${web}/src/branch/main/docs/rules/`;
  return `${web}/blob/HEAD/docs/rules/`;
}

/** The rule pages of jfp-assist itself, from its package.json; undefined when it names no known repository. */
export function packageDocsUrl(meta: { repository?: unknown; homepage?: unknown } = pkg): DocsUrl | undefined {
  const web = repositoryWebUrl(meta.repository) ?? repositoryWebUrl(typeof meta.homepage === 'string' ? meta.homepage : undefined);
  return web ? rulesFolderUrl(web) : undefined;
}

/** Why a docs URL cannot be used, or undefined when it can: it must be an absolute http(s) address. */
export function docsUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{code\}/g, 'jfp.duty.missing'));
  } catch {
    return `"${url}" is not a web address; give one such as https://example.org/jfp/rules/`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `"${url}" is not a web address (http or https); reports link each rule to a public page, never a local file`;
  return undefined;
}

/** The page of one code: the template with `{code}` filled in, or base + CODE.md. */
export function ruleUrl(docsUrl: DocsUrl, code: string): string {
  if (docsUrl.includes('{code}')) return docsUrl.replace(/\{code\}/g, code);
  return `${docsUrl.endsWith('/') ? docsUrl : docsUrl + '/'}${code}.md`;
}

/** The project's home page, for SARIF's informationUri (http(s) only). */
export function packageHomepage(meta: { repository?: unknown; homepage?: unknown } = pkg): string | undefined {
  if (typeof meta.homepage === 'string' && /^https?:\/\//.test(meta.homepage)) return meta.homepage;
  return repositoryWebUrl(meta.repository);
}
