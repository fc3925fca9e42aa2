import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { apiScenario, ApiScenario } from './support/api-scenario';
import { ApiTestApp, startApiTestApp, TEST_KEYS, uniqueSuffix } from './support/api-test-app';

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

describe('handler web panel in headless Chromium', () => {
  let api: ApiTestApp;
  let browser: Browser;
  let congested: ApiScenario;
  let outage: ApiScenario;
  const suffix = uniqueSuffix();

  const text = (page: Page, field: string) => page.locator(`#view [data-field="${field}"]`).first().innerText();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    api = await startApiTestApp();
    congested = apiScenario({ suffix, index: 0, serving: 'CONGESTED' });
    outage = apiScenario({ suffix, index: 1, serving: 'DOWN', complete: false, symptom: 'NO_DATA', msisdn: '13900002222' });
    await api.seed(congested);
    await api.seed(outage);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openPanel(hash: string, key: string = TEST_KEYS.handler): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${api.baseUrl}/?key=${encodeURIComponent(key)}${hash}`);
    (page as Page & { jsErrors?: string[] }).jsErrors = errors;
    return page;
  }

  it('shows every field of the ticket view, the verdict and the charts (zh-CN), then switches to English', async () => {
    const page = await openPanel(`#/tickets/${congested.ticket.ticketId}`);
    await page.locator('#view [data-field="complaintNo"]').waitFor();
    await page.locator('#view [data-chart="prbUtilizationDl"] canvas').waitFor();

    expect(new URL(page.url()).searchParams.get('key')).toBeNull();
    expect(await text(page, 'complaintNo')).toBe(congested.complaintNo);
    expect(await text(page, 'ticketId')).toBe(congested.ticket.ticketId);
    expect(await text(page, 'status')).toBe('最终');
    expect(await text(page, 'kpiDataThrough')).toBe('2026-03-02 17:00');
    expect(await text(page, 'symptom')).toContain('网速慢');
    expect(await text(page, 'symptomSource')).toContain('工单');
    expect(await text(page, 'msisdn')).toBe('138****5678');
    expect(await text(page, 'occurredAt')).toBe('2026-03-02 16:00');
    expect(await text(page, 'window')).toBe('2026-03-02 15:00 – 17:00');
    expect(await text(page, 'fiveGEnabled')).toBe('是');
    expect(await text(page, 'volteEnabled')).toBe('是');
    expect(await text(page, 'terminal')).toBe('HUAWEI Mate 60 Pro');

    expect(await text(page, 'networkRelated')).toBe('网络问题：是');
    expect(await text(page, 'cause')).toBe('网络拥塞');
    expect(await text(page, 'confidence')).toBe(`${Math.round(congested.view.verdict.confidence * 100)}%`);
    expect(await text(page, 'summary')).toBe(congested.view.verdict.summary.zh);
    expect(await text(page, 'suggestedReply')).toBe(congested.view.verdict.suggestedReply.zh);
    const evidence = await text(page, 'evidence');
    expect(evidence).toContain('PRB利用率劣化');
    expect(evidence).toContain('91%');

    const rows = page.locator('#view table.cells tbody tr');
    expect(await rows.count()).toBe(2);
    const serving = await rows.nth(0).innerText();
    for (const part of ['服务小区', '用户使用记录', congested.servingCellId, congested.cells[0].name, '4G (LTE)', '宏站', '72%']) expect(serving).toContain(part);
    const neighbor = await rows.nth(1).innerText();
    for (const part of ['邻区', '5G (NR)', '室分', '28%']) expect(neighbor).toContain(part);

    const tiles = page.locator(`#view [data-cell-kpis="${congested.servingCellId}"] .tile`);
    expect(await tiles.count()).toBe(7);
    const prb = page.locator(`#view [data-cell-kpis="${congested.servingCellId}"] [data-kpi="prbUtilizationDl"]`);
    expect(await prb.getAttribute('data-status')).toBe('BAD');
    const prbText = await prb.innerText();
    for (const part of ['PRB利用率', '91', '%', '≥70%', '≥80%', '劣化']) expect(prbText).toContain(part);
    const kpiLabels = await page.locator(`#view [data-cell-kpis="${congested.servingCellId}"] .tile-label`).allInnerTexts();
    expect(kpiLabels).toEqual(['PRB利用率', '接通率', '掉线率', '良好覆盖率', '单用户感知速率', '可用率', '日均流量']);
    expect(await page.locator(`#view [data-cell-kpis="${congested.servingCellId}"] [data-kpi="availability"]`).getAttribute('data-status')).toBe('OK');
    expect(await page.locator('#view [data-chart] canvas').count()).toBe(6);
    expect(await page.locator('#results li').count()).toBe(2);

    await page.screenshot({ path: join(ARTIFACTS, 'panel-view-zh.png'), fullPage: true });

    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await text(page, 'status')).toBe('Final');
    expect(await text(page, 'networkRelated')).toBe('Network-related: Yes');
    expect(await text(page, 'cause')).toBe('Congestion');
    expect(await text(page, 'summary')).toBe(congested.view.verdict.summary.en);
    expect(await text(page, 'suggestedReply')).toBe(congested.view.verdict.suggestedReply.en);
    expect(await page.locator('#view .card-title').first().innerText()).toBe('Ticket');
    expect(await page.locator('.sidebar .section-title').innerText()).toBe('FIND TICKETS');
    await page.locator('#view [data-chart="prbUtilizationDl"] canvas').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'panel-view-en.png'), fullPage: true });

    expect((page as Page & { jsErrors?: string[] }).jsErrors).toEqual([]);
    await page.context().close();
  });

  it('shows a provisional outage and lets the handler search by status', async () => {
    const page = await openPanel(`#/tickets/${outage.complaintNo}`);
    await page.locator('#view [data-field="statusNote"]').waitFor();
    expect(await text(page, 'status')).toBe('临时');
    expect(await text(page, 'cause')).toBe('基站故障（退服）');
    expect(await text(page, 'msisdn')).toBe('139****2222');
    expect(await page.locator(`#view [data-cell-kpis="${outage.servingCellId}"] [data-kpi="availability"]`).getAttribute('data-status')).toBe('BAD');
    await page.locator('#status-select').selectOption('PROVISIONAL');
    await page.locator('#search-form button[type="submit"]').click();
    await page.waitForFunction("document.querySelectorAll('#results li').length === 1");
    expect(await page.locator('#results li').first().getAttribute('data-ticket')).toBe(outage.ticket.ticketId);
    await page.locator('#view [data-chart="availability"] canvas').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'panel-outage-zh.png'), fullPage: true });
    await page.context().close();
  });

  it('asks for an API key and rejects a wrong one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/#/tickets/${congested.ticket.ticketId}`);
    const dialog = page.locator('#key-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.locator('#key-input').fill('not-a-valid-key');
    await page.locator('#key-form button[type="submit"]').click();
    await page.locator('#key-error').waitFor({ state: 'visible' });
    expect(await page.locator('#key-error').innerText()).toContain('密钥无效');
    await page.screenshot({ path: join(ARTIFACTS, 'panel-key-dialog.png') });
    await page.locator('#key-input').fill(TEST_KEYS.handler);
    await page.locator('#key-form button[type="submit"]').click();
    await page.locator('#view [data-field="complaintNo"]').waitFor();
    expect(await text(page, 'complaintNo')).toBe(congested.complaintNo);
    await context.close();
  });
});
