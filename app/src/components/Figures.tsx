import type { ReactNode } from "react";

/** A list of labelled figures (term and value), read as such by screen readers. */
export function Figures({ label, rows }: { label: string; rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="figures" aria-label={label}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A section of a page with its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
