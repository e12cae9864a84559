import type { CvrFormat } from '../../model/ballots.js';
export async function detectCvrFormat(path: string): Promise<CvrFormat> {
  throw new Error(`not yet: ${path}`);
}
