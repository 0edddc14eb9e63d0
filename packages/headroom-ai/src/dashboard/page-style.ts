/** Styles shared by the dashboard and the inspect report: system fonts, readable contrast, phone-width friendly. */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #555; --line: #d8d8dc; --card: #f6f6f8; --good: #1b6e3a; --bad: #b3261e; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.1rem; margin: 24px 0 8px; }
p.meta { color: var(--muted); margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.card h2 { margin: 0 0 4px; font-size: 0.95rem; color: var(--muted); }
.big { font-size: 1.6rem; font-weight: 650; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar-cell { width: 35%; }
.bar { display: block; height: 10px; background: var(--good); border-radius: 3px; }
.notice { padding: 12px; border-radius: 8px; background: #fff4d6; border: 1px solid #e0c36a; }
.error { background: #fde7e5; border-color: #e4a09a; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
#series { width: 100%; min-height: 260px; }
`;
