// What the Action writes back to the runner: outputs, the job summary, annotations, the failed
// step, and the run artifact. The only other module that imports @actions/*.
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';

export interface ActionOutputs {
  verdict: 'pass' | 'fail';
  report: string;
  regressions: number;
  commentUrl: string;
}

export function setOutputs(outputs: ActionOutputs): void {
  core.setOutput('verdict', outputs.verdict);
  core.setOutput('report', outputs.report);
  core.setOutput('regressions', String(outputs.regressions));
  core.setOutput('comment-url', outputs.commentUrl);
}

/** GitHub keeps at most 1 MiB of summary per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const body =
    markdown.length > SUMMARY_LIMIT
      ? `${markdown.slice(0, SUMMARY_LIMIT)}\n\n… cut at GitHub's summary limit; see the JSON report.\n`
      : markdown;
  await core.summary.addRaw(body, true).write();
}

export const log = {
  info: (message: string) => core.info(message),
  warning: (message: string) => core.warning(message),
  error: (message: string, title?: string) => core.error(message, title ? { title } : undefined),
  group: <T>(name: string, fn: () => Promise<T>) => core.group(name, fn),
};

export function fail(message: string): void {
  core.setFailed(message);
}

/** Uploads files as a run artifact; returns its id, or undefined where the runner offers no artifact service. */
export async function uploadArtifact(
  name: string,
  files: string[],
  root: string,
): Promise<number | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || files.length === 0) return undefined;
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(name, files, root, { retentionDays: 14 });
  return id;
}
