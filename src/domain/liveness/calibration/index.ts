// The calibration table shipped with pono (built by src/adapters/face/calibrate.ts; see README.md here).
// Replace it by configuration: the adapter's loadCalibrationTable(path) reads and validates another table.
import raw from './human-faceres-cosine.json' with { type: 'json' };
import { parseCalibrationTable, type CalibrationTable } from '../fmr.ts';

export const DEFAULT_CALIBRATION: CalibrationTable = parseCalibrationTable(raw);
