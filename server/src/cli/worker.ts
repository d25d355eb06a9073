/**
 * jfp-check's worker thread (bundled as dist/cliWorker.cjs; see parallel.ts): reads a Markdown
 * plan file and parses it as the analysis would (in chunks when long), answering its text and
 * tree. It imports only the parser, so each worker starts quickly.
 */
import { parseChunked } from '../analysis/model/incremental.js';
import { readPlanFile } from '../host/planInput.js';
import { serveJobs, type ParsedFile } from './parallel.js';

serveJobs<string, ParsedFile>((file) => {
  const text = readPlanFile(file);
  return { text, root: parseChunked(text) };
});
