/** The schema of the job queue's tables beside pono's own schema: `<schema>_jobs`, and `pono_jobs` for `public`. */
export function jobsSchemaFor(schema: string): string {
  return `${schema === 'public' ? 'pono' : schema}_jobs`;
}
