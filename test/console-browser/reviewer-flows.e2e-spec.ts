import type { Browser, Page } from 'playwright-core';
import { ResolverService, SourceRecordRepository } from '@hub/resolution';
import { ELSEWHERE, startApi, type ApiHarness } from '../support/api-app';
import { backgroundPopulation } from '../resolution/background-population';
import { ReviewDb } from '../resolution/review-db';
import { people as p } from '../resolution/review-people';
import {
  notInWorkersWords,
  launchBrowser,
  logIn,
  newPage,
  openMenu,
  screenshot,
  serve,
  visibleText,
} from './browser';

/** Confirms the open Ant Design pop-confirm with its OK button. */
async function confirm(page: Page, ok: string): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: ok }).click();
}

describe('A reviewer in the browser: both records side by side, merge, then unmerge', () => {
  let h: ApiHarness;
  let db: ReviewDb;
  let browser: Browser;
  let page: Page;
  let reviewId: string;
  let merged: string;

  beforeAll(async () => {
    h = await startApi('browser_review');
    db = new ReviewDb(h.db);
    const staged = [...Object.values(p), ...backgroundPopulation(200, ELSEWHERE)];
    await new SourceRecordRepository(h.db).upsert(staged, new Date());
    await h.app.get(ResolverService).resolve();
    const review = await db.review(p.chenPolice, p.chenPension);
    if (review?.status !== 'pending') throw new Error('fixture: 陈建国’s pair is not pending review');
    reviewId = review.id;
    const baseUrl = await serve(h.app);
    browser = await launchBrowser();
    page = await newPage(browser, baseUrl);
    await logIn(page, 'worker');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the pair side by side, each with its system and record, differences highlighted', async () => {
    await openMenu(page, 'menu-reviews');
    const card = page.getByTestId(`review-card-${reviewId}`);
    await card.waitFor();
    const headers = await card.locator('thead th').allInnerTexts();
    expect(headers.join('|')).toContain(`公安局 实有人口管理系统 · ${p.chenPolice.recordId}`);
    expect(headers.join('|')).toContain(`人社局 城乡居民养老保险系统 · ${p.chenPension.recordId}`);
    const nameRow = card.locator('tr', { hasText: '姓名' });
    await expect(nameRow.locator('td').nth(1).innerText()).resolves.toBe('陈建国');
    await expect(nameRow.locator('td').nth(2).innerText()).resolves.toBe('陈建国');
    // The phone differs (an old number at the pension office): that row is marked for the eye.
    const phoneRow = card.locator('tr', { hasText: '联系电话' });
    await expect(phoneRow.getAttribute('class')).resolves.toContain('hub-diff');
    await expect(nameRow.getAttribute('class')).resolves.not.toContain('hub-diff');
    // The evidence in one sentence before the numbers: what agrees, what does not.
    const sentence = await page.getByTestId(`review-sentence-${reviewId}`).innerText();
    expect(sentence).toMatch(/^支持同一人：.*姓名相同/);
    expect(sentence).toContain('不支持：联系电话不同');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'reviewer-queue');
  });

  it('merges the pair into one golden record', async () => {
    await page.getByTestId(`review-merge-${reviewId}`).click();
    await confirm(page, '合并');
    const link = page.getByTestId('merged-golden-link');
    await link.waitFor();
    await expect(page.getByTestId(`review-card-${reviewId}`).count()).resolves.toBe(0);
    merged = await db.goldenOf(p.chenPolice);
    expect(await db.goldenOf(p.chenPension)).toBe(merged);
    expect(await db.review(p.chenPolice, p.chenPension)).toEqual({ id: reviewId, status: 'merged' });

    await link.click();
    await expect(page.getByTestId('golden-name').innerText()).resolves.toBe('陈建国');
    expect(new URL(page.url()).pathname).toBe(`/golden/${merged}`);
    const text = await visibleText(page);
    expect(text).toContain(p.chenPolice.recordId);
    expect(text).toContain(p.chenPension.recordId);
    expect(text).toContain('人工合并');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'reviewer-golden');
  });

  it('unmerges it again into the two records there were', async () => {
    await page.getByTestId('golden-unmerge').click();
    await confirm(page, '拆分');
    await page.getByTestId('unmerge-result').waitFor();
    const [police, pension] = [await db.goldenOf(p.chenPolice), await db.goldenOf(p.chenPension)];
    expect(police).not.toBe(pension);
    const links = await page
      .getByTestId('unmerge-result-link')
      .evaluateAll((els) => els.map((el) => String((el as unknown as { pathname: string }).pathname)));
    expect(links.sort()).toEqual([`/golden/${police}`, `/golden/${pension}`].sort());
    await expect(visibleText(page)).resolves.toContain('拆分');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'reviewer-unmerged');
  });
});
