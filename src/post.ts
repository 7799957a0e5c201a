// The Action's post step (action.yml `post`, runs even when the job failed or was cancelled):
// removes whatever the main step's run left behind, by its run id only. Never fails the job.
import * as core from '@actions/core';
import { errorMessage, oneLine } from './errors.js';
import { RUN_ID_STATE } from './github/state.js';
import { cleanupRun } from './runtime/cleanup.js';

async function post(): Promise<void> {
  const runId = core.getState(RUN_ID_STATE);
  // No run id: static mode, or the main step never started a run. Without one nothing is
  // removed: another job's containers on a shared runner are not ours.
  if (!runId) return;
  try {
    const removed = await cleanupRun(runId);
    if (removed.containers + removed.images > 0) {
      core.info(`entrypoint-guard: removed ${removed.containers} leftover container(s) and ${removed.images} image(s) of run ${runId}.`);
    }
  } catch (err) {
    core.info(`entrypoint-guard: cleanup of run ${runId} did not finish: ${oneLine(errorMessage(err))}`);
  }
}

post()
  .catch(() => undefined)
  .finally(() => {
    process.exitCode = 0;
  });
