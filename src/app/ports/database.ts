// What the process around the use cases needs of the database it was built over (metrics, health, shutdown).
// The use cases' own SQL goes through the Kysely handle their stores receive.

export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  /** Connections open, in use, and borrowers waiting for one (metrics). */
  poolStats(): { connections: number; busy: number; waiting: number };
  close(): Promise<void>;
}
