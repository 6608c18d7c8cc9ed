// Loads a replacement calibration table from a configured path (JSON), validated by the domain parser.
import { readFile } from 'node:fs/promises';
import { DEFAULT_CALIBRATION } from '../../domain/liveness/calibration/index.ts';
import { parseCalibrationTable, type CalibrationTable } from '../../domain/liveness/fmr.ts';

export async function loadCalibrationTable(path?: string): Promise<CalibrationTable> {
  if (path === undefined || path === '') return DEFAULT_CALIBRATION;
  const text = await readFile(path, 'utf8');
  return parseCalibrationTable(JSON.parse(text));
}
