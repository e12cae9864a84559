/** Ranked ballots, from an RCTab contest config: read every CVR source it names, then tabulate as RCTab would. */
import { stat } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import { BallotPool, tabulatePool, type IrvResult } from '../count/irv/index.js';
import { readCvr } from '../read/cvr/index.js';
import { loadRctabConfig } from '../read/cvr/rctab-config.js';

export async function runRctab(configPath: string): Promise<IrvResult> {
  const contest = await loadRctabConfig(configPath);
  for (const { source } of contest.sources) {
    try {
      await stat(source.path);
    } catch {
      throw new InputError(`the CVR source ${source.path} named by the config does not exist`, { file: configPath }, 'filePath is relative to the folder of the config');
    }
  }
  const pool = new BallotPool(contest.options);
  for (const { source, labels } of contest.sources) {
    for await (const vote of readCvr(source)) pool.add(vote, labels);
  }
  return tabulatePool(pool);
}
