// The demo page as a newcomer uses it: the session, its refreshes, the list of sessions, and the
// guided theft demonstration, in headless Chromium. With BATON_SCREENSHOT set, it also saves the
// screenshot the README shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openDemo, accessTokenExpiry } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const text = (page, selector) => page.locator(selector).innerText();
const rows = (page) => page.locator("#sessions tr");

test("the demo page shows the session, each refresh's rotation and the user's sessions, and ends one", async () => {
  const user = "grace-" + Date.now();
  const laptop = await browser.newContext();
  const page = await openDemo(laptop);
  await page.fill("#user-id", user);
  await page.fill("#device-name", "Laptop");
  await page.click("#login-form button[type=submit]");
  await page.waitForFunction((u) => document.getElementById("session-user").textContent === u, user);
  assert.match(await text(page, "#session-handle"), /^[0-9a-f-]{36}$/);
  assert.match(await text(page, "#countdown"), /expires in \d+ s/);
  await page.waitForFunction(() => document.querySelectorAll("#sessions tr").length === 1);
  assert.match(await text(page, "#sessions tr.current"), /Laptop · Mozilla/);

  const phone = await browser.newContext();
  const other = await openDemo(phone);
  await other.evaluate((u) => window.baton.login(u, "Phone"), user);
  await page.click("#load-sessions");
  await page.waitForFunction(() => document.querySelectorAll("#sessions tr").length === 2);

  await accessTokenExpiry();
  await page.click("#me");
  await page.waitForFunction(() => document.getElementById("log").textContent.includes("rotated"));
  assert.match(await text(page, "#log"), /REFRESH_SESSION: refresh token rotated \(anti-CSRF [\w-]{8}… → [\w-]{8}…\)/);
  await page.click("#load-sessions");
  await page.waitForFunction(() => !document.querySelector("#sessions tr.current td:nth-child(4)")
    .textContent.includes("–"));
  if (process.env.BATON_SCREENSHOT) {
    await page.screenshot({ path: process.env.BATON_SCREENSHOT, fullPage: true });
  }

  await page.click("#sessions tr:not(.current) button");
  await page.waitForFunction(() => document.querySelectorAll("#sessions tr").length === 1);
  const remaining = await page.evaluate(() => window.baton.loadSessions());
  assert.deepEqual(remaining.sessions.map((s) => s.deviceName), ["Laptop"]);
  await laptop.close();
  await phone.close();
});

test("the guided theft demonstration: a copied refresh cookie signs both windows out", async () => {
  const victimContext = await browser.newContext();
  const victim = await openDemo(victimContext);
  await victim.evaluate(() => window.baton.login("heidi-" + Date.now()));
  // Step 2 of the guide: the thief's window gets the victim's cookies.
  const thiefContext = await browser.newContext();
  await thiefContext.addCookies(await victimContext.cookies());
  const thief = await openDemo(thiefContext);

  // Step 3: the thief refreshes and uses the new token.
  assert.equal(await thief.evaluate(() => window.baton.refreshNow()), true);
  assert.equal((await thief.evaluate(() => window.baton.me())).status, 200);

  // Step 4: the victim refreshes with the token the thief rotated away.
  assert.equal(await victim.evaluate(() => window.baton.refreshNow()), false);
  await victim.waitForFunction(() => document.querySelector("#log li.bad") !== null);
  assert.match(await text(victim, "#log"), /UNAUTHORISED: the session is gone/);
  assert.equal(await text(victim, "#signed-in"), "no");
  assert.equal(await thief.evaluate(() => window.baton.refreshNow()), false, "the thief is out too");
  await victimContext.close();
  await thiefContext.close();
});
