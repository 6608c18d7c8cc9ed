// Stub sources (seed 002): background codes in the middle name, interactive magic values per source.
import type { Country } from '../types.ts';
import { AU_BACKGROUND_STUBS } from './background-au.ts';
import type { BackgroundStubTable } from './background-code.ts';
import { NZ_BACKGROUND_STUBS } from './background-nz.ts';
import { AU_INTERACTIVE_STUBS } from './interactive-au.ts';
import { NZ_INTERACTIVE_STUBS } from './interactive-nz.ts';
import type { InteractiveStubTable } from './interactive-table.ts';

export * from './background-code.ts';
export * from './interactive-table.ts';
export { AU_BACKGROUND_STUBS, NZ_BACKGROUND_STUBS, AU_INTERACTIVE_STUBS, NZ_INTERACTIVE_STUBS };

export const BACKGROUND_STUB_TABLES: Record<Country, BackgroundStubTable> = {
  AU: AU_BACKGROUND_STUBS,
  NZ: NZ_BACKGROUND_STUBS,
};

export const INTERACTIVE_STUB_TABLES: readonly InteractiveStubTable[] = [
  ...AU_INTERACTIVE_STUBS,
  ...NZ_INTERACTIVE_STUBS,
];

/** True when seed 002 gives the source a stub (background position or interactive table). */
export function hasStub(sourceId: string): boolean {
  return (
    Object.values(BACKGROUND_STUB_TABLES).some((t) => t.positions.some((p) => p.sourceId === sourceId)) ||
    INTERACTIVE_STUB_TABLES.some((t) => t.sourceIds.includes(sourceId))
  );
}
