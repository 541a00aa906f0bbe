/** A trainer planning a workshop: the plans with their length and audience, an agenda from a start time. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { encodes, matrixFromSvgPath, trimBorder } from '../shared/qr-reference.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

describe('workshop plans', () => {
  it('are listed with length and audience, and give an agenda with start times', async () => {
    const plans = course.workshops.get('en') ?? [];
    expect(plans.length).toBe(3);
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/workshops`);
      await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
      expect(await page.locator('.card h2').allTextContents()).toEqual(plans.map((plan) => plan.title));
      const plan = plans.find((each) => each.id === 'intro-two-hours');
      const card = page.locator('.card', { hasText: plan?.title ?? '' });
      expect(await card.locator('.meta').first().textContent()).toContain('2 hr');
      expect(await card.textContent()).toContain(plan?.audience);

      await page.getByRole('link', { name: plan?.title }).click();
      const rows = page.locator('.agenda tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(plan?.sessions.length);
      expect(await rows.first().locator('td').first().textContent()).toBe('9:00 AM');
      expect(await rows.nth(1).locator('td').first().textContent()).toBe('9:10 AM');
      // A lesson session links to the lesson by its title.
      expect(await rows.nth(1).locator('a').textContent()).toBe(
        course.lessons.get('security-plan')?.get('en')?.title,
      );

      await page.getByLabel('Starts at').fill('14:30');
      await expect.poll(() => rows.first().locator('td').first().textContent()).toBe('2:30 PM');
      await page.getByText('Ends at 4:30 PM').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('sharing the app', () => {
  it('shows a QR code of this address, made on the phone, with the ways to pass the app on', async () => {
    const { context, page, requests } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/share`);
      const code = page.locator('.qr[role="img"] svg');
      await code.waitFor();
      const address = `${shared.server().url}#/ur/`;
      expect(await page.locator('.qr').getAttribute('aria-label')).toContain(address);
      expect(await page.locator('.address').textContent()).toBe(address);
      // In Urdu too, the address sits centred under the code, not against the far edge.
      const centre = async (selector: string) => {
        const box = await page.locator(selector).boundingBox();
        return box ? box.x + box.width / 2 : Number.NaN;
      };
      const text = await page.locator('.address').evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const box = range.getBoundingClientRect();
        return box.x + box.width / 2;
      });
      expect(Math.abs(text - (await centre('.qr')))).toBeLessThan(4);
      // The code a phone scans is this address, exactly.
      const drawing = await code.evaluate((svg) => ({
        width: (svg as SVGSVGElement).viewBox.baseVal.width,
        d: svg.querySelector('path')?.getAttribute('d') ?? '',
      }));
      const modules = trimBorder(matrixFromSvgPath(drawing.d, 10, drawing.width / 10));
      expect(encodes(modules, address)).toBe(true);
      // The ways to pass the app on, in the reader's language.
      const { share } = JSON.parse(readFileSync('locales/ur.json', 'utf8'));
      for (const title of [share.workshopTitle, share.fileTitle, share.hostTitle])
        await page.getByRole('heading', { level: 2, name: title }).waitFor();
      expect(requests.every((url) => url.startsWith(shared.server().url))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
