/**
 * The report's stylesheet, inline in the page: no web font, no external file. Light by default, a dark
 * scheme by media query, and a print sheet that turns everything to black on white (bars stay told apart by
 * their outline and the WINNER/RUNOFF words, not by colour).
 */
import { CHART_CSS, CHART_DARK_CSS } from './bars.js';
import { FLOW_CSS, FLOW_DARK_CSS } from './rounds.js';
import { ROUND_BARS_CSS, ROUND_BARS_DARK_CSS } from './round-bars.js';

const PAGE_CSS = [
  ':root{color-scheme:light dark;--fg:#111;--muted:#555;--bg:#fff;--panel:#f5f6f8;--line:#d9dde2;--accent:#1f5fbf;--won:#0a6b2c;--runoff:#8a5a00;--tie:#9c2f8f}',
  '*{box-sizing:border-box}',
  'body{margin:0;font:15px/1.45 system-ui,"DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}',
  'main{max-width:960px;margin:0 auto;padding:16px}',
  'h1{font-size:1.5em;margin:.2em 0}',
  'h2{font-size:1.2em;margin:0 0 .2em;overflow-wrap:anywhere}',
  'h3{font-size:1em;margin:1em 0 .3em}',
  'a{color:var(--accent)}',
  '.muted,.meta{color:var(--muted)}',
  '.meta{margin:.1em 0 .5em;overflow-wrap:anywhere}',
  '.summary{font-weight:600}',
  'nav.toc ol{columns:2 18em;padding-left:1.6em}',
  'nav.toc li{break-inside:avoid;overflow-wrap:anywhere}',
  'section.race{border-top:2px solid var(--line);padding:14px 0 6px;break-inside:avoid-page}',
  '.verdict{margin:.3em 0;overflow-wrap:anywhere}',
  '.tag{display:inline-block;font-weight:700;font-size:.8em;letter-spacing:.05em;padding:1px 6px;border:2px solid currentColor;border-radius:3px;margin-right:.4em}',
  '.verdict.winner .tag{color:var(--won)}',
  '.verdict.runoff .tag{color:var(--runoff)}',
  '.verdict.tie .tag{color:var(--tie)}',
  '.progress{display:flex;align-items:center;gap:.6em}',
  '.progress .track{flex:0 0 160px;height:10px;border:1px solid var(--muted);border-radius:2px}',
  '.progress .done{height:100%;background:var(--muted)}',
  '.outlook{border-left:4px solid var(--accent);padding:.2em .6em;background:var(--panel)}',
  'figure{margin:.4em 0}',
  'figure svg{display:block;width:100%;height:auto}',
  // On a phone the charts keep a readable size and scroll sideways rather than shrink to unreadable text.
  'figure{overflow-x:auto}',
  'figure svg.bars{min-width:600px}',
  'figure svg.rounds{width:auto;max-width:none}',
  '.grid svg{max-width:320px}',
  'figcaption,.note{font-size:.85em;color:var(--muted)}',
  'details{margin:.3em 0}',
  'summary{cursor:pointer;color:var(--accent)}',
  'table{border-collapse:collapse;font-size:.9em;margin:.3em 0}',
  'th,td{padding:2px 8px;border-bottom:1px solid var(--line);text-align:left;overflow-wrap:anywhere}',
  'td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}',
  '.scroll{overflow-x:auto}',
  '.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px}',
  '.grid figure{margin:0;padding:6px;border:1px solid var(--line);border-radius:4px;break-inside:avoid}',
  'th button{font:inherit;font-weight:700;background:none;border:0;padding:0;color:inherit;cursor:pointer}',
  'th[aria-sort=ascending] button::after{content:" ▲"}',
  'th[aria-sort=descending] button::after{content:" ▼"}',
  '.warnings li{overflow-wrap:anywhere}',
  'footer{margin-top:2em;font-size:.85em;color:var(--muted);overflow-wrap:anywhere}',
  '.chart .bg{fill:transparent}',
].join('\n');

const DARK = `:root{--fg:#e8eaed;--muted:#a5acb5;--bg:#15181c;--panel:#1e2329;--line:#343b44;--accent:#8ab4ff;--won:#6fdc8c;--runoff:#ffc857;--tie:#f28bd9}\n${CHART_DARK_CSS}\n${ROUND_BARS_DARK_CSS}\n${FLOW_DARK_CSS}\n.chart .bg{fill:transparent}`;

// Print: black on white whatever the screen scheme; bars become grey and black, the threshold a black dash.
const PRINT = [
  ':root{--fg:#000;--muted:#333;--bg:#fff;--panel:#fff;--line:#999;--accent:#000;--won:#000;--runoff:#000;--tie:#000}',
  'nav.toc{display:none}',
  '.chart .bar{fill:#fff;stroke:#000;stroke-width:1}',
  '.chart .won .bar,.chart .runoff .bar,.rounds .elected .bar{fill:#000}',
  '.chart .tie .bar{fill:#777}',
  '.round-bars .out .bar{fill:#fff;stroke:#000;stroke-dasharray:3 2}',
  '.round-bars .ghead,.round-bars .out .name,.round-bars .out .val{fill:#000}',
  '.chart .threshold{stroke:#000}',
  '.chart .tlabel,.chart .name,.chart .val,.chart .tag,.chart .marker{fill:#000}',
  '.chart .grid{stroke:#ccc}',
  '.flow{stroke:#000;opacity:.2}',
  'a{color:#000;text-decoration:none}',
].join('\n');

export const STYLESHEET = `${CHART_CSS}\n${ROUND_BARS_CSS}\n${FLOW_CSS}\n${PAGE_CSS}\n@media (prefers-color-scheme:dark){\n${DARK}\n}\n@media print{\n${PRINT}\n}\n`;
