// Runs test/adapters/soap/zeep_flows.py (python3-zeep from Debian, /usr/bin/python3) against a WSDL URL.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'zeep_flows.py');
const PYTHON = '/usr/bin/python3';

export type ZeepReport = Record<string, Record<string, unknown>>;

/** Async on purpose: the server under test lives in this process and must keep answering. */
export async function runZeepFlows(wsdlUrl: string, flows: readonly string[]): Promise<ZeepReport> {
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, wsdlUrl, ...flows], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    return JSON.parse(stdout) as ZeepReport;
  } catch (error) {
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    if (stderr.includes("No module named 'zeep'")) {
      throw new Error('python3-zeep is missing: apt-get install -y python3-zeep (Debian), run with /usr/bin/python3', {
        cause: error,
      });
    }
    throw error;
  }
}
