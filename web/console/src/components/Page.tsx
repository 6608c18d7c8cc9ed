// A screen's frame: its heading (focused on navigation, so screen readers announce the new page) and body.
import { useEffect, useRef, type ReactNode } from 'react';
import { useBranding } from '../app/branding.ts';

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const officeName = useBranding()?.officeName ?? 'pono';
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  useEffect(() => {
    document.title = `${title} · ${officeName}`;
  }, [title, officeName]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
