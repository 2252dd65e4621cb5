// Ancrage dashboard: plain ES module over the JSON API, charts with Chart.js. Every figure shown
// comes from an API response; the "as of" date is passed through, so the API replays the past.

const state = { token: sessionStorage.getItem('ancrage.token'), me: null, agencies: [], view: 'plans', charts: [], regionWide: false };
const $ = (id) => document.getElementById(id);
const VIEWS = ['plans', 'fund', 'partnerships', 'anchoring', 'history'];

const euros = (cents) => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const pct = (share) => `${Math.round(share * 1000) / 10} %`;
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const label = (code) => String(code ?? '').toLowerCase().replace(/_/g, ' ');

class ApiError extends Error {}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = `${path}${query.size ? `?${query}` : ''}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${state.token}` } });
  if (res.status === 401) {
    signOut('Session expirée ou jeton invalide.');
    throw new ApiError('unauthorised');
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(body.message ?? `${res.status} ${res.statusText}`);
  }
  return (res.headers.get('content-type') ?? '').includes('json') ? res.json() : res.text();
}

/** Every page of a paginated list (the API caps a page at 500). */
async function all(path, params = {}) {
  const first = await api(path, { ...params, limit: 500, offset: 0 });
  const items = [...first.items];
  while (items.length < first.total) items.push(...(await api(path, { ...params, limit: 500, offset: items.length })).items);
  return { ...first, items };
}

/** CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCsv(path, params, filename) {
  const text = await api(path, { ...params, format: 'csv' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  a.download = filename;
  a.click();
  URL.revokeObjectURL(a.href);
}

// ---------- sign-in ----------

async function showSignIn(message = '') {
  $('sign-in').hidden = false;
  $('app').hidden = true;
  $('who').hidden = true;
  $('sign-in-error').textContent = message;
  const users = await fetch('/demo/users').then((r) => (r.ok ? r.json() : [])).catch(() => []);
  $('demo-users').hidden = users.length === 0;
  $('demo-list').innerHTML = users
    .map((u, i) => `<li><button type="button" data-demo="${i}"><strong>${esc(u.role)}</strong> — ${esc(u.userId)} <span class="muted">(${esc(u.scope)})</span></button></li>`)
    .join('');
  $('demo-list').querySelectorAll('button').forEach((b) => b.addEventListener('click', () => signIn(users[Number(b.dataset.demo)].token, true)));
}

async function signIn(token, demo = false) {
  state.token = token;
  try {
    state.me = await api('/me');
  } catch {
    return;
  }
  sessionStorage.setItem('ancrage.token', token);
  if (demo) sessionStorage.setItem('ancrage.demo', '1');
  await start();
}

function signOut(message = '') {
  sessionStorage.removeItem('ancrage.token');
  sessionStorage.removeItem('ancrage.demo');
  state.token = null;
  state.me = null;
  showSignIn(message);
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('token').value.trim());
});
$('sign-out').addEventListener('click', () => signOut());

// ---------- filters and tabs ----------

async function start() {
  const roles = state.me.grants.map((g) => g.role);
  $('who-name').textContent = `${state.me.displayName} · ${roles.join(', ') || 'aucun droit'}`;
  const list = await all('/agencies');
  state.agencies = list.items;
  const nationalGrant = state.me.grants.some((g) => g.role === 'admin' || g.role === 'auditor' || (g.role === 'director' && g.national));
  const regions = nationalGrant
    ? [...new Set(state.agencies.map((a) => a.region))].sort()
    : state.me.grants.filter((g) => g.role === 'director' && g.regions).flatMap((g) => g.regions);
  state.regionWide = nationalGrant || regions.length > 0;
  $('region-label').hidden = !state.regionWide;
  $('region').innerHTML = (nationalGrant ? '<option value="">France entière</option>' : '') + regions.map((r) => `<option value="${r}">Région ${r}</option>`).join('');
  const demo = sessionStorage.getItem('ancrage.demo') === '1';
  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = thisYear; y >= 2016; y--) years.push(y);
  $('year').innerHTML = years.map((y) => `<option>${y}</option>`).join('');
  $('year').value = String(demo ? 2018 : thisYear);
  if (demo && !$('as-of').value) $('as-of').value = '2018-12-31';
  fillAgencies();
  // Shown only once the filters match the user's scope.
  $('sign-in').hidden = true;
  $('app').hidden = false;
  $('who').hidden = false;
  selectTab(location.hash.slice(1) || 'plans', false);
}

function fillAgencies() {
  const region = $('region').value;
  const shown = state.agencies.filter((a) => !state.regionWide || !region || a.region === region);
  const keep = $('agency').value;
  $('agency').innerHTML = (state.regionWide ? '<option value="">— toutes —</option>' : '') + shown.map((a) => `<option value="${a.safir}">${a.safir} ${esc(a.name)}</option>`).join('');
  if (shown.some((a) => a.safir === keep)) $('agency').value = keep;
}

const filters = () => ({ year: Number($('year').value), region: $('region').value || undefined, agency: $('agency').value || undefined, asOf: $('as-of').value || undefined });

for (const id of ['year', 'agency', 'as-of']) $(id).addEventListener('change', () => render());
$('region').addEventListener('change', () => {
  fillAgencies();
  render();
});
$('today').addEventListener('click', () => {
  $('as-of').value = '';
  render();
});

const tabs = () => [...document.querySelectorAll('[role=tab]')];
function selectTab(view, focus = true) {
  state.view = VIEWS.includes(view) ? view : 'plans';
  for (const t of tabs()) {
    const on = t.dataset.view === state.view;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    if (on && focus) t.focus();
  }
  $('view').setAttribute('aria-labelledby', `tab-${state.view}`);
  history.replaceState(null, '', `#${state.view}`);
  render();
}
for (const t of tabs()) {
  t.addEventListener('click', () => selectTab(t.dataset.view));
  t.addEventListener('keydown', (e) => {
    const i = tabs().indexOf(t);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs().length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(tabs()[(next + tabs().length) % tabs().length].dataset.view);
  });
}

// ---------- rendering helpers ----------

let renderId = 0;
async function render() {
  const id = ++renderId;
  for (const c of state.charts) c.destroy();
  state.charts = [];
  const view = $('view');
  view.innerHTML = '<p class="muted">Chargement…</p>';
  view.dataset.ready = 'false';
  const started = performance.now();
  try {
    const html = await RENDERERS[state.view](filters());
    if (id !== renderId) return;
    view.innerHTML = html.markup;
    html.after?.();
    wireSortableTables(view);
    const f = filters();
    $('status').textContent = `${f.asOf ? `Vue au ${f.asOf} (rejouée)` : 'Vue actuelle'} · ${Math.round(performance.now() - started)} ms`;
  } catch (error) {
    if (id !== renderId) return;
    view.innerHTML = `<p class="error" role="alert">${esc(error.message)}</p>`;
  }
  view.dataset.ready = 'true';
}

function chart(canvasId, config) {
  const el = document.getElementById(canvasId);
  if (!el || !window.Chart) return;
  state.charts.push(new window.Chart(el, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options ?? {}) } }));
}

const card = (figure, value, text) => `<div class="card"><div class="value" data-figure="${figure}">${esc(value)}</div><div class="label">${esc(text)}</div></div>`;
const canvas = (id, text) => `<div class="panel"><h2>${esc(text)}</h2><div class="chart"><canvas id="${id}" role="img" aria-label="${esc(text)}"></canvas></div></div>`;

/** A table whose headers sort it (click or Enter); cells carry data-sort values where text would mislead. */
function table(id, columns, rows) {
  const head = columns.map((c, i) => `<th scope="col" tabindex="0" aria-sort="none" data-col="${i}" class="${c.num ? 'num' : ''}">${esc(c.title)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td class="${c.num ? 'num' : ''} ${c.cls ? c.cls(r) : ''}" data-sort="${esc(c.sort ? c.sort(r) : c.value(r))}">${c.html ? c.html(r) : esc(c.value(r))}</td>`).join('')}</tr>`)
    .join('');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${columns.length}" class="muted">Aucune donnée</td></tr>`}</tbody></table>`;
}

function wireSortableTables(root) {
  for (const th of root.querySelectorAll('th[aria-sort]')) {
    const sort = () => {
      const tableEl = th.closest('table');
      const col = Number(th.dataset.col);
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      tableEl.querySelectorAll('th').forEach((h) => h.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', dir);
      const rows = [...tableEl.tBodies[0].rows];
      const key = (tr) => tr.cells[col]?.dataset.sort ?? '';
      rows.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const n = x !== '' && y !== '' && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y));
        const c = n ? Number(x) - Number(y) : x.localeCompare(y, 'fr');
        return dir === 'ascending' ? c : -c;
      });
      tableEl.tBodies[0].append(...rows);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), sort()));
  }
}

function csvButton(id, text) {
  return `<button type="button" id="${id}">${esc(text)}</button>`;
}

const agencyName = (safir) => state.agencies.find((a) => a.safir === safir)?.name ?? safir;
const regionScope = (f) => state.regionWide && !f.agency;

// ---------- views ----------

const STATUS_COLOURS = { PLANNED: '#9e9e9e', IN_PROGRESS: '#1f77b4', DONE: '#2ca02c', PAUSED: '#ffbf00', BLOCKED: '#d62728', ABANDONED: '#7f7f7f' };

async function plansView(f) {
  if (regionScope(f)) {
    const r = await all('/action-plans/execution', { year: f.year, region: f.region, asOf: f.asOf });
    const lines = r.items;
    const statuses = Object.keys(STATUS_COLOURS);
    return {
      markup: `
        <div class="cards">${card('plans-count', r.summary.plans, 'plans')}${card('plans-adopted', r.summary.adopted, 'adoptés')}${card('late-actions', r.summary.lateActions, 'actions en retard')}${card('co-constructed', pct(r.summary.shareOfPrioritiesCitingCoConstructedDiagnostic), 'priorités issues d’un diagnostic co-construit')}</div>
        <div class="grid">${canvas('plans-status', 'Actions par statut et par agence')}${canvas('plans-lever', 'Actions par levier')}</div>
        <div class="toolbar"><h2>Agences</h2>${csvButton('plans-csv', 'Télécharger CSV')}</div>
        ${table('plans-table', [
          { title: 'Agence', value: (l) => `${l.safir} ${agencyName(l.safir)}`, sort: (l) => l.safir },
          { title: 'Statut', value: (l) => label(l.status) },
          { title: 'Actions', num: true, value: (l) => l.actions },
          { title: 'En retard', num: true, value: (l) => l.lateActions, cls: (l) => (l.lateActions ? 'late' : '') },
          { title: 'Atteint', num: true, value: (l) => pct(l.reached), sort: (l) => l.reached },
        ], lines)}`,
      after() {
        chart('plans-status', {
          type: 'bar',
          data: { labels: lines.map((l) => l.safir), datasets: statuses.map((s) => ({ label: label(s), backgroundColor: STATUS_COLOURS[s], data: lines.map((l) => l.byStatus[s] ?? 0) })) },
          options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
        });
        const levers = {};
        for (const l of lines) for (const [k, v] of Object.entries(l.byLever)) levers[k] = (levers[k] ?? 0) + v;
        chart('plans-lever', { type: 'bar', data: { labels: Object.keys(levers).map(label), datasets: [{ label: 'actions', backgroundColor: '#1f4e9c', data: Object.values(levers) }] }, options: { indexAxis: 'y' } });
        $('plans-csv').addEventListener('click', () => downloadCsv('/action-plans/execution', { year: f.year, region: f.region, asOf: f.asOf }, `plan-execution-${f.year}.csv`));
      },
    };
  }
  const safir = f.agency ?? state.agencies[0]?.safir;
  const r = await api(`/agencies/${safir}/action-plans/${f.year}`, { asOf: f.asOf });
  return {
    markup: `
      <h2>${esc(safir)} ${esc(agencyName(safir))} — plan ${f.year}</h2>
      <div class="cards">${card('plan-reached', pct(r.plan.reached), 'réalisé (moyenne des actions)')}${card('plan-late', r.plan.late, 'actions en retard')}${card('plan-actions', r.plan.actions, 'actions')}${card('plan-status', label(r.plan.status), 'statut')}</div>
      <div class="grid">${canvas('plan-months', 'Avancement au fil de l’année')}</div>
      <h2>Actions</h2>
      ${table('plan-actions-table', [
        { title: 'Action', value: (a) => a.title },
        { title: 'Levier', value: (a) => label(a.lever) },
        { title: 'Statut', value: (a) => label(a.status) },
        { title: 'Cible', num: true, value: (a) => a.target },
        { title: 'Dernière valeur', num: true, value: (a) => a.latestValue ?? '' },
        { title: 'Atteint', num: true, value: (a) => pct(a.reached), sort: (a) => a.reached },
        { title: 'Suivi', value: (a) => (a.late ? 'en retard' : 'dans les temps'), cls: (a) => (a.late ? 'late' : 'ok') },
      ], r.actions)}
      <p class="muted">${esc(r.formula)}</p>`,
    after() {
      chart('plan-months', {
        type: 'line',
        data: {
          labels: r.months.map((m) => m.month),
          datasets: [
            { label: 'réalisé (part de la cible)', data: r.months.map((m) => m.reached), borderColor: '#1f4e9c', yAxisID: 'y' },
            { label: 'actions en retard', data: r.months.map((m) => m.late), borderColor: '#c62828', yAxisID: 'y1' },
          ],
        },
        options: { scales: { y: { min: 0, max: 1 }, y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } },
      });
    },
  };
}

const CATEGORY_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

async function fundView(f) {
  if (regionScope(f)) {
    const r = await api('/fund/rollup', { year: f.year, region: f.region, asOf: f.asOf });
    const t = r.total;
    return {
      markup: `
        <div class="cards">${card('fund-envelope', euros(t.envelopeCents), 'alloué')}${card('fund-committed', euros(t.committedCents), 'engagé')}${card('fund-paid', euros(t.paidCents), 'payé')}${card('fund-remaining', euros(t.remainingCents), 'disponible')}${card('fund-mobility', pct(t.mobilityShare), 'part des aides à la mobilité')}</div>
        <div class="grid">${canvas('fund-agencies', 'Alloué, engagé, payé et disponible par agence')}</div>
        <div class="toolbar"><h2>Agences</h2>${csvButton('fund-csv', 'Télécharger CSV')}</div>
        ${table('fund-table', [
          { title: 'Agence', value: (l) => `${l.safir} ${agencyName(l.safir)}`, sort: (l) => l.safir },
          { title: 'Alloué', num: true, value: (l) => euros(l.envelopeCents), sort: (l) => l.envelopeCents },
          { title: 'Engagé', num: true, value: (l) => euros(l.committedCents), sort: (l) => l.committedCents },
          { title: 'Payé', num: true, value: (l) => euros(l.paidCents), sort: (l) => l.paidCents },
          { title: 'Disponible', num: true, value: (l) => euros(l.remainingCents), sort: (l) => l.remainingCents },
          { title: 'Consommation', num: true, value: (l) => pct(l.consumptionRate), sort: (l) => l.consumptionRate, cls: (l) => (l.consumptionRate > 0.95 ? 'late' : '') },
          { title: 'Mobilité', num: true, value: (l) => pct(l.mobilityShare), sort: (l) => l.mobilityShare },
        ], r.agencies)}`,
      after() {
        chart('fund-agencies', {
          type: 'bar',
          data: {
            labels: r.agencies.map((l) => l.safir),
            datasets: [
              { label: 'alloué', backgroundColor: '#9fb7e0', data: r.agencies.map((l) => l.envelopeCents / 100) },
              { label: 'engagé', backgroundColor: '#1f4e9c', data: r.agencies.map((l) => l.committedCents / 100) },
              { label: 'payé', backgroundColor: '#2ca02c', data: r.agencies.map((l) => l.paidCents / 100) },
              { label: 'disponible', backgroundColor: '#ffbf00', data: r.agencies.map((l) => l.remainingCents / 100) },
            ],
          },
        });
        $('fund-csv').addEventListener('click', () => downloadCsv('/fund/rollup', { year: f.year, region: f.region, asOf: f.asOf }, `fund-rollup-${f.year}.csv`));
      },
    };
  }
  const safir = f.agency ?? state.agencies[0]?.safir;
  const r = await api(`/agencies/${safir}/fund/${f.year}`, { asOf: f.asOf });
  const categories = Object.entries(r.committedByCategory);
  return {
    markup: `
      <h2>${esc(safir)} ${esc(agencyName(safir))} — fonds ${f.year}</h2>
      <div class="cards">${card('agency-fund-envelope', euros(r.envelopeCents), 'alloué')}${card('agency-fund-committed', euros(r.committedCents), 'engagé')}${card('agency-fund-paid', euros(r.paidCents), 'payé')}${card('agency-fund-remaining', euros(r.remainingCents), 'disponible')}</div>
      ${r.forecast?.warning ? `<p class="late" role="alert">${esc(r.forecast.warning)}</p>` : r.forecast?.projectedExhaustionDate ? `<p>Épuisement projeté : ${esc(r.forecast.projectedExhaustionDate)}</p>` : ''}
      <div class="grid">${canvas('fund-months', 'Au fil des mois')}${canvas('fund-categories', 'Engagé par catégorie')}</div>
      ${r.forecast ? `<p class="muted">${esc(r.forecast.formula)}</p>` : ''}`,
    after() {
      chart('fund-months', {
        type: 'line',
        data: {
          labels: r.months.map((m) => m.month),
          datasets: [
            { label: 'alloué', data: r.months.map((m) => m.envelopeCents / 100), borderColor: '#9fb7e0' },
            { label: 'engagé', data: r.months.map((m) => m.committedCents / 100), borderColor: '#1f4e9c' },
            { label: 'payé', data: r.months.map((m) => m.paidCents / 100), borderColor: '#2ca02c' },
            { label: 'disponible', data: r.months.map((m) => m.remainingCents / 100), borderColor: '#ffbf00' },
          ],
        },
      });
      chart('fund-categories', { type: 'doughnut', data: { labels: categories.map(([k]) => label(k)), datasets: [{ data: categories.map(([, v]) => v / 100), backgroundColor: CATEGORY_COLOURS }] } });
    },
  };
}

async function partnershipsView(f) {
  if (regionScope(f)) {
    const r = await api('/priority-circles/matrix', { region: f.region, asOf: f.asOf });
    const heat = (n, total) => `heat-${total ? Math.min(4, Math.ceil((n / total) * 4)) : 0}`;
    const rows = r.categories;
    const cell = (c, circle, kind) => {
      const b = c.byCircle.find((x) => x.circle === circle);
      return `<td class="num ${heat(b[kind], c.agencies)}">${b[kind]}</td>`;
    };
    return {
      markup: `
        <h2>Cercles de priorité × qualité (nombre d’agences par catégorie de partenaire)</h2>
        <table id="circle-matrix"><thead><tr><th scope="col">Catégorie</th>${[1, 2, 3].map((c) => `<th scope="col" class="num">Cercle ${c} bonne</th><th scope="col" class="num">Cercle ${c} faible</th><th scope="col" class="num">Cercle ${c} non évaluée</th>`).join('')}<th scope="col" class="num">Prioritaire et bonne</th></tr></thead>
        <tbody>${rows.map((c) => `<tr><th scope="row">${esc(label(c.category))}</th>${[1, 2, 3].map((k) => cell(c, k, 'good') + cell(c, k, 'poor') + cell(c, k, 'notAssessed')).join('')}<td class="num" data-sort="${c.priorityAndGoodQualityShare}">${pct(c.priorityAndGoodQualityShare)}</td></tr>`).join('')}</tbody></table>
        <div class="grid">${canvas('circle-chart', 'Partenariats prioritaires (cercles 1–2) par catégorie')}</div>`,
      after() {
        chart('circle-chart', {
          type: 'bar',
          data: { labels: rows.map((c) => label(c.category)), datasets: [{ label: 'prioritaire', data: rows.map((c) => c.priorityShare), backgroundColor: '#9fb7e0' }, { label: 'prioritaire et de bonne qualité', data: rows.map((c) => c.priorityAndGoodQualityShare), backgroundColor: '#1f4e9c' }] },
          options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } } },
        });
      },
    };
  }
  const safir = f.agency ?? state.agencies[0]?.safir;
  const [circles, list, expiring] = await Promise.all([
    api(`/agencies/${safir}/priority-circles`, { asOf: f.asOf }),
    all(`/agencies/${safir}/partnerships`, { asOf: f.asOf }),
    api(`/agencies/${safir}/agreements/expiring`, { asOf: f.asOf, days: 180 }),
  ]);
  const first = list.items.find((p) => p.partnerId === state.partner) ?? list.items.find((p) => p.lastScore !== null) ?? list.items[0];
  const quality = first ? await api(`/agencies/${safir}/partnerships/${first.partnerId}/quality`, { asOf: f.asOf }) : null;
  const picker = `<label>Partenariat <select id="partner">${list.items.map((p) => `<option value="${esc(p.partnerId)}" ${p.partnerId === first?.partnerId ? 'selected' : ''}>${esc(p.partner?.name ?? p.partnerId)}</option>`).join('')}</select></label>`;
  return {
    markup: `
      <h2>${esc(safir)} ${esc(agencyName(safir))} — partenaires</h2>
      <div class="cards">${circles.map((c) => card(`circle-${c.circle}`, c.partners, `cercle ${c.circle}`)).join('')}${card('expiring', expiring.total, 'conventions échéant sous 180 jours')}</div>
      <div class="toolbar">${picker}</div>
      <div class="grid">${quality ? canvas('quality-chart', `Indice de qualité du partenariat avec ${first.partner?.name ?? first.partnerId}, et ses composantes`) : ''}</div>
      ${quality ? `<p class="muted">${esc(quality.formula)}</p>` : ''}
      <h2>Partenariats</h2>
      ${table('partnerships-table', [
        { title: 'Partenaire', value: (p) => p.partner?.name ?? p.partnerId },
        { title: 'Catégorie', value: (p) => label(p.partner?.category) },
        { title: 'Cercle', num: true, value: (p) => p.effectiveCircle },
        { title: 'Convention', value: (p) => label(p.agreementStatus) },
        { title: 'Fin', value: (p) => p.agreementEnd ?? '' },
        { title: 'Qualité', num: true, value: (p) => p.lastScore ?? '' },
        { title: 'Contacts', num: true, value: (p) => p.contacts },
      ], list.items)}
      <h2>Conventions à renouveler</h2>
      ${table('expiring-table', [{ title: 'Partenaire', value: (p) => p.partner?.name ?? p.partnerId }, { title: 'Fin', value: (p) => p.agreementEnd }], expiring.items)}`,
    after() {
      $('partner')?.addEventListener('change', (e) => {
        state.partner = e.target.value;
        render();
      });
      if (!quality) return;
      const s = quality.series;
      chart('quality-chart', {
        type: 'bar',
        data: {
          labels: s.map((m) => m.month),
          datasets: [
            { label: 'score', data: s.map((m) => m.parts.score), backgroundColor: '#1f4e9c' },
            { label: 'contacts', data: s.map((m) => m.parts.contacts), backgroundColor: '#2ca02c' },
            { label: 'évènements communs', data: s.map((m) => m.parts.jointEvents), backgroundColor: '#ff7f0e' },
            { label: 'convention active', data: s.map((m) => m.parts.agreement), backgroundColor: '#9467bd' },
          ],
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100 } } },
      });
    },
  };
}

const CONFIG_COLOURS = { PROACTIVE_FAVOURABLE: '#2ca02c', STANDARD_FAVOURABLE: '#98df8a', PROACTIVE_INTERMEDIATE: '#1f77b4', STANDARD_INTERMEDIATE: '#aec7e8', JOB_SEEKER_FOCUSED_DIFFICULT: '#ff7f0e' };
const CONFIG_FR = {
  PROACTIVE_FAVOURABLE: 'Mobilisation proactive des services et partenaires, contexte favorable',
  STANDARD_FAVOURABLE: 'Mobilisation « standard », contexte favorable',
  PROACTIVE_INTERMEDIATE: 'Mobilisation proactive, contexte intermédiaire',
  STANDARD_INTERMEDIATE: 'Mobilisation « standard », contexte intermédiaire',
  JOB_SEEKER_FOCUSED_DIFFICULT: 'Centrée sur les demandeurs d’emploi et les partenariats associés, contexte difficile',
};
const CONTEXT_X = { FAVOURABLE: 0, INTERMEDIATE: 1, DIFFICULT: 2 };

async function anchoringView(f) {
  if (regionScope(f)) {
    const r = await all('/anchoring-profiles', { year: f.year, region: f.region, asOf: f.asOf });
    const configs = Object.keys(r.configurations);
    return {
      markup: `
        <div class="cards">${configs.map((c) => card(`config-${c}`, r.byConfiguration[c], CONFIG_FR[c] ?? r.configurations[c])).join('')}</div>
        <div class="grid">${canvas('anchoring-map', 'Contexte du bassin × proactivité (graphique 4)')}${canvas('anchoring-counts', 'Agences par configuration')}</div>
        <div class="toolbar"><h2>Agences et indicateurs</h2>${csvButton('anchoring-csv', 'Télécharger CSV')}</div>
        ${table('anchoring-table', [
          { title: 'Agence', value: (p) => `${p.safir} ${p.name}`, sort: (p) => p.safir },
          { title: 'Configuration', value: (p) => label(p.configuration ?? 'non placée') },
          { title: 'Score', num: true, value: (p) => p.proactivityScore },
          { title: 'Évènements', num: true, value: (p) => p.indicators.jointEventsInitiated },
          { title: 'Partenariats 1–2 solides', num: true, value: (p) => p.indicators.strongPriorityPartnerships },
          { title: 'Diagnostic co-construit', value: (p) => (p.indicators.diagnosticCoConstructed ? 'oui' : 'non') },
          { title: '5 % spécifique / innovant', num: true, value: (p) => pct(p.indicators.specificOrInnovativeFundShare), sort: (p) => p.indicators.specificOrInnovativeFundShare },
          { title: 'Prospection', num: true, value: (p) => p.indicators.employerProspectingActions },
          { title: 'Levier suivant', value: (p) => p.criteria.find((c) => !c.met)?.lever ?? '—' },
        ], r.items)}
        <p class="muted">${esc(r.rule)}</p>`,
      after() {
        chart('anchoring-map', {
          type: 'scatter',
          data: {
            datasets: configs.map((c) => ({
              label: label(c),
              backgroundColor: CONFIG_COLOURS[c],
              pointRadius: 6,
              data: r.items.filter((p) => p.configuration === c).map((p, i) => ({ x: CONTEXT_X[p.context] + ((i % 7) - 3) * 0.05, y: p.proactivityScore + ((i % 3) - 1) * 0.08, safir: p.safir, name: p.name })),
            })),
          },
          options: {
            scales: { x: { min: -0.5, max: 2.5, ticks: { stepSize: 1, callback: (v) => ['favorable', 'intermédiaire', 'difficile'][v] ?? '' } }, y: { min: -0.5, max: 5.5, title: { display: true, text: 'critères de proactivité atteints' } } },
            plugins: { tooltip: { callbacks: { label: (ctx) => `${ctx.raw.safir} ${ctx.raw.name}` } } },
          },
        });
        chart('anchoring-counts', { type: 'bar', data: { labels: configs.map(label), datasets: [{ label: 'agences', data: configs.map((c) => r.byConfiguration[c]), backgroundColor: configs.map((c) => CONFIG_COLOURS[c]) }] } });
        $('anchoring-csv').addEventListener('click', () => downloadCsv('/anchoring-profiles', { year: f.year, region: f.region, asOf: f.asOf }, `anchoring-${f.year}.csv`));
      },
    };
  }
  const safir = f.agency ?? state.agencies[0]?.safir;
  const p = await api(`/agencies/${safir}/anchoring-profile`, { year: f.year, asOf: f.asOf });
  return {
    markup: `
      <h2>${esc(safir)} ${esc(p.name)} — ${f.year}</h2>
      <div class="cards">${card('agency-configuration', label(p.configuration ?? 'non placée'), CONFIG_FR[p.configuration] ?? p.explanation)}${card('agency-score', `${p.proactivityScore} / 5`, 'critères de proactivité atteints')}</div>
      <p>${esc(p.explanation)}</p>
      ${table('criteria-table', [
        { title: 'Critère', value: (c) => label(c.criterion) },
        { title: 'Valeur', num: true, value: (c) => (typeof c.value === 'boolean' ? (c.value ? 'oui' : 'non') : c.value) },
        { title: 'Seuil', value: (c) => c.threshold },
        { title: 'Atteint', value: (c) => (c.met ? 'oui' : 'non'), cls: (c) => (c.met ? 'ok' : 'late') },
        { title: 'Levier', value: (c) => c.lever ?? '—' },
      ], p.criteria)}
      <p class="muted">${esc(p.rule)}</p>`,
  };
}

async function historyView(f, before) {
  const safir = f.agency ?? state.agencies[0]?.safir;
  const r = await api(`/agencies/${safir}/timeline`, { asOf: f.asOf, limit: 50, before });
  return {
    markup: `
      <h2>${esc(safir)} ${esc(agencyName(safir))} — historique (${r.total} évènements)</h2>
      ${table('history-table', [
        { title: 'Survenu le', value: (e) => e.occurredAt.slice(0, 16).replace('T', ' ') },
        { title: 'Enregistré le', value: (e) => e.recordedAt.slice(0, 19).replace('T', ' ') },
        { title: 'Par', value: (e) => `${e.actor} (${e.role})` },
        { title: 'Évènement', value: (e) => e.type },
        { title: 'Flux', value: (e) => e.streamId },
        { title: 'Position', num: true, value: (e) => e.position },
      ], r.items)}
      ${r.nextBefore ? `<div class="toolbar"><button type="button" id="older">Évènements plus anciens</button></div>` : ''}`,
    after() {
      $('older')?.addEventListener('click', async () => {
        const next = await historyView(f, r.nextBefore);
        $('view').innerHTML = next.markup;
        next.after();
        wireSortableTables($('view'));
      });
    },
  };
}

const RENDERERS = { plans: plansView, fund: fundView, partnerships: partnershipsView, anchoring: anchoringView, history: (f) => historyView(f) };

if (state.token) signIn(state.token);
else showSignIn();
