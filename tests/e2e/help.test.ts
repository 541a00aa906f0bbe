/** Get help: the learner's country asked once, its services then international ones, searchable and printable. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, overflowsHorizontally, phone } from './harness.ts';
import { pdfText } from './pdf.ts';

const shared = browserAndServer();

const names = (page: Page) => page.locator('.help-entry h2').allTextContents();

describe('the Get help page', () => {
  it('asks the country once, lists its services before international ones, and remembers it', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/`);
      const more = page.getByRole('navigation', { name: 'More' });
      expect(await more.getByRole('link', { name: 'Get help' }).getAttribute('href')).toBe('#/en/help');
      await page.getByRole('link', { name: /Need help now/ }).click();
      await page.getByRole('group', { name: /Which country are you in/ }).waitFor();
      expect(await page.locator('.help-entry').count()).toBe(0);
      await page.getByRole('button', { name: 'Pakistan' }).click();

      const pakistan = await names(page);
      expect(pakistan[0]).toBe('Digital Rights Foundation (DRF) Digital Security Helpline');
      expect(pakistan).toContain('Access Now Digital Security Helpline');
      expect(pakistan).not.toContain('National Cyber Crime Reporting Portal');
      const call = page.getByRole('link', { name: '0800 39393' });
      expect(await call.getAttribute('href')).toBe('tel:080039393');
      const write = page.getByRole('link', { name: 'helpdesk@digitalrightsfoundation.pk' });
      expect(await write.getAttribute('href')).toBe('mailto:helpdesk@digitalrightsfoundation.pk');
      expect(await overflowsHorizontally(page)).toBe(false);

      await page.reload();
      await page.locator('.help-entry').first().waitFor();
      expect(await page.getByRole('group', { name: /Which country/ }).count()).toBe(0);
      expect((await names(page))[0]).toBe('Digital Rights Foundation (DRF) Digital Security Helpline');

      await page.getByLabel('Country').selectOption({ label: 'India' });
      expect((await names(page))[0]).toBe('National Cyber Crime Reporting Portal');
      await page.getByLabel('Country').selectOption({ label: 'Another country' });
      const international = await names(page);
      expect(international).toContain('StopNCII.org');
      expect(international).not.toContain('Digital Rights Foundation (DRF) Digital Security Helpline');
    } finally {
      await context.close();
    }
  });

  it('filters by name and by what a service helps with', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/help`);
      await page.getByRole('button', { name: 'Malaysia' }).click();
      const search = page.getByLabel('Search by name or need');
      await search.fill('take it down');
      expect(await names(page)).toEqual(['Take It Down']);
      await search.fill('press freedom');
      expect(await names(page)).toEqual([
        'Committee to Protect Journalists (CPJ)',
        'Reporters Without Borders (RSF) Assistance Desk',
      ]);
      await search.fill('no such service');
      expect(await names(page)).toEqual([]);
      expect(await page.getByRole('status').textContent()).toBe('No service matches your search.');
    } finally {
      await context.close();
    }
  });

  it("lists India's national helplines as numbers to call, and finds the mental health line by need", async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/help`);
      await page.getByRole('button', { name: 'India' }).click();
      const india = await names(page);
      expect(india).toContain('Cyber Frauds Helpline (Ministry of Home Affairs)');
      expect(india).toContain('Women Helpline (Ministry of Women and Child Development)');
      expect(india).toContain('Tele-MANAS');
      for (const [number, href] of [
        ['1930', 'tel:1930'],
        ['181', 'tel:181'],
        ['14416', 'tel:14416'],
        ['1800 891 4416', 'tel:18008914416'],
      ]) {
        const link = page.getByRole('link', { name: number, exact: true });
        expect(await link.getAttribute('href'), number).toBe(href);
      }
      const women = page.locator('.help-entry', { hasText: 'Women Helpline' });
      expect(await women.locator('.help-facts').textContent()).toContain('Any time, every day');
      expect(await women.locator('.help-risk').textContent()).toContain('police');

      await page.getByLabel('Search by name or need').fill('mental health');
      expect(await names(page)).toEqual(['Tele-MANAS']);
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('marks entries checked six months ago or more with "check before relying on it"', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/help`);
      await page.getByRole('button', { name: 'India' }).click();
      expect(await page.locator('.help-stale').count()).toBe(0);

      await page.clock.setFixedTime(new Date('2027-07-01T12:00:00Z'));
      await page.reload();
      await page.locator('.help-entry').first().waitFor();
      const entries = await page.locator('.help-entry').count();
      expect(entries).toBeGreaterThan(0);
      expect(await page.getByText('check before relying on it').count()).toBe(entries);
    } finally {
      await context.close();
    }
  });

  it('in Urdu, shows phone numbers in their own order inside right-to-left text', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/help`);
      await page.getByRole('button', { name: 'پاکستان' }).click();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      for (const number of ['0800 39393', '+353 1 21 00 489']) {
        const link = page.getByRole('link', { name: number });
        // The first digit as written must be drawn left of the last one, as the number is dialled.
        const [first, last] = await link.evaluate((element) => {
          const text = element.querySelector('bdi')?.firstChild ?? element.firstChild;
          const at = (offset: number) => {
            const range = document.createRange();
            range.setStart(text as Node, offset);
            range.setEnd(text as Node, offset + 1);
            return range.getBoundingClientRect().left;
          };
          return [at(0), at((text?.textContent?.length ?? 1) - 1)];
        });
        expect(first).toBeLessThan(last as number);
      }
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('in Urdu, describes each service in Urdu, marked as a machine translation like a lesson', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/help`);
      await page.getByRole('button', { name: 'پاکستان' }).click();
      expect(await page.locator('.help .badge').textContent()).toBe('مشینی ترجمہ، ابھی جانچا نہیں گیا');
      const about = page.locator('#help-drf-helpline p[lang]').first();
      expect(await about.getAttribute('lang')).toBe('ur');
      expect(await about.textContent()).toMatch(/^آن لائن ہراسانی/);
      const risk = page.locator('#help-front-line-defenders .help-risk [lang]');
      expect(await risk.getAttribute('lang')).toBe('ur');

      await page.goto(`${shared.server().url}#/en/help`);
      await page.locator('.help-entry').first().waitFor();
      expect(await page.locator('.help .badge').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('prints as a one-page card with the numbers and without the page controls', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/help`);
      await page.getByRole('button', { name: 'Pakistan' }).click();
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByLabel('Search by name or need').isVisible()).toBe(false);
      const pages = await pdfText(await page.pdf({ format: 'A4' }));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('Get help: Pakistan');
      expect(pages[0]).toContain('0800 39393');
      expect(pages[0]).toContain('+353 1 21 00 489');
    } finally {
      await context.close();
    }
  });

  it('is linked from the getting-help lesson, in the lesson language', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/lessons/getting-help`);
      await page.locator('.lesson').getByRole('link', { name: 'مدد حاصل کریں' }).click();
      await page.getByRole('group', { name: /آپ کس ملک میں ہیں/ }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/ur/help');
    } finally {
      await context.close();
    }
  });

  it('in a private session, keeps the country only until the app closes, and writes nothing', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/settings`);
      await page.getByLabel("Don't keep my progress on this phone").check();
      await page
        .getByText(/Private session on/)
        .first()
        .waitFor();
      await page.goto(`${shared.server().url}#/en/help`);
      await page.getByRole('button', { name: 'India' }).click();
      await page.locator('.help-entry').first().waitFor();
      expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
      await page.reload();
      await page.getByRole('group', { name: /Which country are you in/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
