import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** One line of a chart: its name and its values, one per point in time (null for a gap). */
export interface Line {
  label: string;
  values: Array<number | null>;
  color: string;
}

/**
 * A time chart drawn with uPlot (a small canvas chart library). The figure
 * carries a caption, and the same data as a table for screen readers and
 * keyboard users, since a canvas says nothing to them.
 */
export function TimeChart({
  title,
  unit,
  times,
  lines,
}: {
  title: string;
  unit: string;
  times: number[];
  lines: Line[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null || times.length === 0) return;
    const width = () => Math.max(240, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 220,
        series: [
          {},
          ...lines.map((line) => ({
            label: line.label,
            stroke: line.color,
            width: 2,
            spanGaps: true,
          })),
        ],
        axes: [
          {},
          {
            label: unit,
            size: 90,
            // Three significant digits, so that prices of a fraction of a cent stay readable.
            values: (_chart: uPlot, splits: number[]) =>
              splits.map((v) => (v === 0 ? "0" : String(Number(v.toPrecision(3))))),
          },
        ],
        scales: { x: { time: true } },
      },
      [times, ...lines.map((line) => line.values)],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [times, lines, unit]);
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {times.length === 0 ? <p>No data yet.</p> : <div ref={box} aria-hidden="true" />}
      <details>
        <summary>Data of “{title}”</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                {lines.map((line) => (
                  <th scope="col" key={line.label}>
                    {line.label} ({unit})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time, i) => (
                <tr key={i}>
                  <td>{new Date(time * 1000).toISOString().replace("T", " ").slice(0, 19)}</td>
                  {lines.map((line) => (
                    <td key={line.label}>{line.values[i] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
