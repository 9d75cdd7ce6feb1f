import type { DayCount, LengthDistribution } from '../../../../app/desk-charts.js';
import { formatLocalDay } from '../../../../domain/call/format-date.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { t } from '../../lang.js';

/**
 * The dashboard's two charts, drawn on the server as SVG (no script, no inline style: the CSP
 * forbids both), each with a title and a description for screen readers and its figures as a
 * table underneath.
 */

const W = 640;
const H = 236;
const M = { top: 20, right: 16, bottom: 32, left: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const COLOURS = { bar: '#0b4f8a', late: '#a11d1d', window: '#dcefe0', outside: '#8a5a00', axis: '#444444' };

function shortDay(day: string, lang: Lang): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  return lang === 'fr' ? `${d}/${m}` : `${m}/${d}`;
}

function yTicks(max: number): number[] {
  if (max <= 5) return Array.from({ length: max + 1 }, (_, i) => i);
  const step = Math.ceil(max / 4);
  return [0, step, 2 * step, 3 * step, 4 * step].filter((v) => v <= max + step - 1);
}

function Axes({ max, label }: { max: number; label: string }) {
  const ticks = yTicks(max);
  const top = Math.max(max, ticks[ticks.length - 1] ?? 1);
  return (
    <g>
      <line x1={M.left} y1={M.top + PLOT_H} x2={M.left + PLOT_W} y2={M.top + PLOT_H} stroke={COLOURS.axis} />
      <line x1={M.left} y1={M.top} x2={M.left} y2={M.top + PLOT_H} stroke={COLOURS.axis} />
      {ticks.map((v) => {
        const y = M.top + PLOT_H - (v / top) * PLOT_H;
        return (
          <g key={v}>
            <line x1={M.left - 4} y1={y} x2={M.left} y2={y} stroke={COLOURS.axis} />
            <text x={M.left - 8} y={y + 4} text-anchor="end" font-size="12" fill={COLOURS.axis}>
              {v}
            </text>
          </g>
        );
      })}
      <text x={M.left} y={12} font-size="12" fill={COLOURS.axis}>
        {label}
      </text>
    </g>
  );
}

function scaleTop(max: number): number {
  const ticks = yTicks(max);
  return Math.max(max, ticks[ticks.length - 1] ?? 1, 1);
}

export function PerDayChart(props: { days: DayCount[]; deadline: string; lang: Lang }) {
  const { days, deadline, lang } = props;
  if (days.length === 0) return <p>{t(lang, 'Aucune proposition pour l’instant.', 'No submissions yet.')}</p>;
  const max = Math.max(...days.map((d) => d.count));
  const top = scaleTop(max);
  const slot = PLOT_W / days.length;
  const barW = Math.max(1, slot * 0.8);
  const total = days.reduce((n, d) => n + d.count, 0);
  const busiest = days.reduce((a, b) => (b.count > a.count ? b : a));
  const late = days.filter((d) => d.late).reduce((n, d) => n + d.count, 0);
  const deadlineIndex = days.findIndex((d) => d.day === deadline);
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const dayName = (d: string) => (d === 'earlier' ? t(lang, 'avant', 'earlier') : formatLocalDay(d, lang));
  const description = t(
    lang,
    `${total} propositions reçues ; le jour le plus chargé est le ${dayName(busiest.day)} (${busiest.count}) ; ${late} après la date limite du ${formatLocalDay(deadline, 'fr')}.`,
    `${total} submissions received; the busiest day was ${dayName(busiest.day)} (${busiest.count}); ${late} after the deadline of ${formatLocalDay(deadline, 'en')}.`,
  );
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-days-title chart-days-desc">
        <title id="chart-days-title">
          {t(lang, 'Propositions reçues par jour', 'Submissions received per day')}
        </title>
        <desc id="chart-days-desc">{description}</desc>
        <Axes max={max} label={t(lang, 'propositions', 'submissions')} />
        {days.map((d, i) => {
          const h = (d.count / top) * PLOT_H;
          const x = M.left + i * slot + (slot - barW) / 2;
          return (
            <g key={d.day}>
              {d.count > 0 && (
                <rect
                  x={x}
                  y={M.top + PLOT_H - h}
                  width={barW}
                  height={h}
                  fill={d.late ? COLOURS.late : COLOURS.bar}
                >
                  <title>{t(lang, `${dayName(d.day)} : ${d.count}`, `${dayName(d.day)}: ${d.count}`)}</title>
                </rect>
              )}
              {(i % labelEvery === 0 || i === deadlineIndex) && (
                <text
                  x={x + barW / 2}
                  y={M.top + PLOT_H + 16}
                  text-anchor="middle"
                  font-size="11"
                  fill={COLOURS.axis}
                >
                  {d.day === 'earlier' ? t(lang, 'avant', 'before') : shortDay(d.day, lang)}
                </text>
              )}
            </g>
          );
        })}
        {deadlineIndex >= 0 && (
          <g>
            <line
              x1={M.left + (deadlineIndex + 1) * slot}
              y1={M.top}
              x2={M.left + (deadlineIndex + 1) * slot}
              y2={M.top + PLOT_H}
              stroke={COLOURS.late}
              stroke-dasharray="4 3"
            />
            <text
              x={M.left + (deadlineIndex + 1) * slot - 4}
              y={M.top + 12}
              text-anchor="end"
              font-size="12"
              fill={COLOURS.late}
            >
              {t(lang, 'date limite', 'deadline')}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <p class="hint">
          {t(
            lang,
            'Barres bleues : propositions reçues à temps ; rouges : après la date limite (ligne pointillée).',
            'Blue bars: submissions received on time; red: after the deadline (dotted line).',
          )}
        </p>
        <details>
          <summary>{t(lang, 'Les chiffres, jour par jour', 'The figures, day by day')}</summary>
          <table class="desk-table">
            <caption>
              {t(
                lang,
                'Propositions reçues par jour (jours sans proposition omis)',
                'Submissions per day (days without any left out)',
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'Jour', 'Day')}</th>
                <th scope="col" class="number">
                  {t(lang, 'Propositions', 'Submissions')}
                </th>
                <th scope="col">{t(lang, 'Après la date limite', 'After the deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {days
                .filter((d) => d.count > 0)
                .map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{dayName(d.day)}</th>
                    <td class="number">{d.count}</td>
                    <td>{d.late ? t(lang, 'oui', 'yes') : t(lang, 'non', 'no')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

function thousands(n: number, lang: Lang): string {
  return n >= 1000
    ? `${formatNumber(Math.round(n / 100) / 10, lang)}${lang === 'fr' ? '\u00a0k' : 'k'}`
    : String(n);
}

export function LengthChart(props: { distribution: LengthDistribution; lang: Lang }) {
  const { distribution: dist, lang } = props;
  const { bins } = dist;
  const counted = bins.reduce((n, b) => n + b.count, 0);
  if (bins.length === 0 || counted + dist.unreadable === 0)
    return <p>{t(lang, 'Aucune proposition pour l’instant.', 'No submissions yet.')}</p>;
  const max = Math.max(...bins.map((b) => b.count));
  const top = scaleTop(max);
  const end = bins[bins.length - 1]?.to ?? 1;
  const x = (n: number) => M.left + (n / end) * PLOT_W;
  const inside = bins.filter((b) => b.place === 'inside').reduce((n, b) => n + b.count, 0);
  const range = `${formatNumber(dist.min, lang)}–${formatNumber(dist.max, lang)}`;
  const description = t(
    lang,
    `${counted} textes mesurés, dont ${inside} nettement dans la fenêtre de ${range} signes ; ${dist.unreadable} illisibles.`,
    `${counted} texts measured, ${inside} of them clearly within the ${range} character window; ${dist.unreadable} unreadable.`,
  );
  const labelEvery = Math.max(1, Math.ceil(bins.length / 7));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-lengths-title chart-lengths-desc">
        <title id="chart-lengths-title">
          {t(lang, 'Longueur des textes et fenêtre de l’appel', 'Length of the texts and the call’s window')}
        </title>
        <desc id="chart-lengths-desc">{description}</desc>
        <rect
          x={x(dist.min)}
          y={M.top}
          width={x(dist.max) - x(dist.min)}
          height={PLOT_H}
          fill={COLOURS.window}
        />
        <Axes max={max} label={t(lang, 'textes', 'texts')} />
        {bins.map((b, i) => {
          const h = (b.count / top) * PLOT_H;
          return (
            <g key={b.from}>
              {b.count > 0 && (
                <rect
                  x={x(b.from) + 1}
                  y={M.top + PLOT_H - h}
                  width={Math.max(1, x(b.to) - x(b.from) - 2)}
                  height={h}
                  fill={b.place === 'inside' ? COLOURS.bar : COLOURS.outside}
                >
                  <title>
                    {t(
                      lang,
                      `${formatNumber(b.from, 'fr')}–${formatNumber(b.to - 1, 'fr')} : ${b.count}`,
                      `${formatNumber(b.from, 'en')}–${formatNumber(b.to - 1, 'en')}: ${b.count}`,
                    )}
                  </title>
                </rect>
              )}
              {i % labelEvery === 0 && (
                <text
                  x={x(b.from)}
                  y={M.top + PLOT_H + 16}
                  text-anchor="middle"
                  font-size="11"
                  fill={COLOURS.axis}
                >
                  {thousands(b.from, lang)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p class="hint">
          {t(
            lang,
            `Bande verte : la fenêtre de l’appel (${range} signes). Barres bleues : dans la fenêtre ; brunes : hors fenêtre ou à sa limite.`,
            `Green band: the call’s window (${range} characters). Blue bars: inside the window; brown: outside it or at its edge.`,
          )}
        </p>
        <details>
          <summary>
            {t(lang, 'Les chiffres, par tranche de longueur', 'The figures, by length range')}
          </summary>
          <table class="desk-table">
            <caption>
              {t(lang, 'Nombre de textes par tranche de signes', 'Number of texts per length range')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'Signes', 'Characters')}</th>
                <th scope="col" class="number">
                  {t(lang, 'Textes', 'Texts')}
                </th>
                <th scope="col">{t(lang, 'Par rapport à la fenêtre', 'Against the window')}</th>
              </tr>
            </thead>
            <tbody>
              {bins.map((b) => (
                <tr key={b.from}>
                  <th scope="row">{`${formatNumber(b.from, lang)} – ${formatNumber(b.to - 1, lang)}`}</th>
                  <td class="number">{b.count}</td>
                  <td>
                    {b.place === 'inside'
                      ? t(lang, 'dans la fenêtre', 'inside')
                      : b.place === 'below'
                        ? t(lang, 'trop court', 'too short')
                        : b.place === 'above'
                          ? t(lang, 'trop long', 'too long')
                          : t(lang, 'à la limite', 'at the edge')}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t(lang, 'illisibles (pas de compte)', 'unreadable (no count)')}</th>
                <td class="number">{dist.unreadable}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
