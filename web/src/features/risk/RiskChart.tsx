import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import type { RiskLevel } from '../../../../core/domain/instruments.ts';
import { riskLevelLabels, riskLevels } from '../../../../core/domain/instruments.ts';

export interface ChartPoint {
  person: string;
  on: string;
  level: RiskLevel;
}

const symbols = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;

/**
 * The levels over time, one line and one symbol per person. Loaded with the risk tab, never in
 * the first bundle. The picture is hidden from assistive technology: the table beside it says the
 * same thing.
 */
export function RiskChart({ points }: { points: readonly ChartPoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const data = points.map((p) => ({ ...p, date: new Date(`${p.on}T12:00:00Z`) }));
    const persons = [...new Set(points.map((p) => p.person))];
    const last = persons.flatMap((person) => data.filter((d) => d.person === person).slice(-1));
    const chart = Plot.plot({
      className: 'risk-plot',
      width: Math.max(container.clientWidth, 320),
      height: 220,
      marginLeft: 100,
      marginRight: 120,
      x: { type: 'utc', label: 'Datum', grid: true },
      y: {
        type: 'point',
        domain: [...riskLevels],
        reverse: true,
        label: null,
        tickFormat: (level: RiskLevel) => riskLevelLabels[level],
      },
      symbol: { domain: persons, range: symbols.slice(0, Math.max(persons.length, 1)) },
      color: { domain: persons, scheme: 'tableau10' },
      marks: [
        Plot.line(data, { x: 'date', y: 'level', z: 'person', stroke: 'person', strokeWidth: 2 }),
        Plot.dot(data, {
          x: 'date',
          y: 'level',
          stroke: 'person',
          fill: 'person',
          symbol: 'person',
          r: 5,
        }),
        Plot.text(last, { x: 'date', y: 'level', text: 'person', dx: 10, textAnchor: 'start' }),
      ],
    });
    // Plot adds a <style> element, which the content security policy forbids; the same rules
    // are in styles.css under .risk-chart.
    chart.querySelectorAll('style').forEach((style) => {
      style.remove();
    });
    container.replaceChildren(chart);
    return () => {
      container.replaceChildren();
    };
  }, [points]);
  return <div ref={ref} className="risk-chart" aria-hidden="true" />;
}
