// A whole QQ login against a running emulator, the way a site written in any language does it: the browser's part
// (the authorize page and its approval form) and the site's back-channel calls (token, me, get_user_info, refresh),
// with Node's built-ins only (node:test, node:assert, fetch).
//
//   QQCONNECT_EMULATOR_URL=http://127.0.0.1:5380/ node --test tests/node/emulator-login.test.mjs
//
// The emulator must run with its default apps and users (no --app, --user or --config). eng/emulator-binary.sh runs
// this file against the published native executable.
import { test } from "node:test";
import assert from "node:assert/strict";

const base = process.env.QQCONNECT_EMULATOR_URL;
const skip = base ? false : "QQCONNECT_EMULATOR_URL is not set (the address of a running emulator)";

// The default app (docs/emulator.md, "Default apps and users"): its key is a published fake.
const appId = "100000001";
const appKey = "emulator-app-key-0123456789abcdef";
const redirectUri = "http://localhost:8080/qq/callback?from=node";
// Spaces, '&', '/', '+' and Chinese: the state must come back exactly.
const state = "node test & 订单/1+1";

const url = (path, query = {}) => {
  const result = new URL(path, base);
  for (const [name, value] of Object.entries(query)) {
    result.searchParams.set(name, value);
  }
  return result;
};

const decodeHtml = (text) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, entity) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity.toLowerCase()];
    if (named) return named;
    return String.fromCodePoint(entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });

const attributes = (tag) => {
  const result = {};
  for (const [, name, , quoted, bare] of tag.matchAll(/([a-z-]+)(\s*=\s*(?:"([^"]*)"|([^\s>]+)))?/gi)) {
    result[name.toLowerCase()] = decodeHtml(quoted ?? bare ?? "");
  }
  return result;
};

// What a browser sends when the user clicks the button with the given id: the form's action resolved against the
// page's address, its hidden fields, the checked radio buttons, and the clicked button's name and value.
const submission = (html, pageUrl, buttonId) => {
  const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
  assert.ok(form, "the authorize page has a form");
  const formAttributes = attributes(form[1]);
  assert.equal((formAttributes.method ?? "get").toLowerCase(), "post");
  const fields = new URLSearchParams();
  for (const [tag] of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const input = attributes(tag.slice(6, -1));
    const type = (input.type ?? "text").toLowerCase();
    if (!input.name) continue;
    if (type === "hidden" || ((type === "radio" || type === "checkbox") && "checked" in input)) {
      fields.append(input.name, input.value ?? "on");
    }
  }
  let clicked = null;
  for (const [tag] of form[2].matchAll(/<button\b[^>]*>/gi)) {
    const button = attributes(tag.slice(7, -1));
    if (button.id === buttonId) clicked = button;
  }
  assert.ok(clicked, `the form has a button with id ${buttonId}`);
  fields.append(clicked.name, clicked.value);
  return { action: new URL(formAttributes.action ?? "", pageUrl), fields };
};

// QQ's JSONP shape: callback( {...} );
const jsonp = (body) => {
  const match = body.match(/^callback\(\s*(\{[\s\S]*\})\s*\);\s*$/);
  assert.ok(match, `a callback( ... ); answer, got ${JSON.stringify(body)}`);
  return JSON.parse(match[1]);
};

const get = async (path, query) => {
  const response = await fetch(url(path, query), { redirect: "manual" });
  return { response, body: await response.text() };
};

const exchange = (code) =>
  get("oauth2.0/token", {
    grant_type: "authorization_code",
    client_id: appId,
    client_secret: appKey,
    code,
    redirect_uri: redirectUri,
  });

// The browser's part: the authorize page, approved for the user the page has selected. Returns the callback URL.
const approve = async (buttonId = "approve") => {
  const page = url("oauth2.0/authorize", {
    response_type: "code",
    client_id: appId,
    redirect_uri: redirectUri,
    state,
    scope: "get_user_info",
  });
  const pageResponse = await fetch(page);
  assert.equal(pageResponse.status, 200);
  const html = await pageResponse.text();
  assert.match(html, /not the real QQ login/, "the page says it is an emulator");
  assert.match(html, /小明/, "the page lists the default users");

  const { action, fields } = submission(html, page, buttonId);
  assert.equal(action.pathname, page.pathname, "the form posts back to the authorize endpoint");
  assert.equal(fields.get("state"), state, "the form carries the state");
  const answer = await fetch(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
    redirect: "manual",
  });
  assert.equal(answer.status, 302);
  const location = new URL(answer.headers.get("location"));
  assert.equal(location.origin + location.pathname, "http://localhost:8080/qq/callback");
  assert.equal(location.searchParams.get("from"), "node", "the redirect_uri's own query is kept");
  assert.equal(location.searchParams.get("state"), state, "the state comes back exactly");
  return location;
};

test("a login through the authorize page, token, me and get_user_info", { skip }, async () => {
  const callback = await approve();
  const code = callback.searchParams.get("code");
  assert.match(code, /^[0-9A-F]{32}$/);

  const token = await exchange(code);
  assert.equal(token.response.status, 200);
  const tokens = new URLSearchParams(token.body);
  const accessToken = tokens.get("access_token");
  assert.match(accessToken, /^[0-9A-F]{32}$/, `an access token, got ${JSON.stringify(token.body)}`);
  assert.match(tokens.get("expires_in"), /^[1-9][0-9]*$/);
  assert.match(tokens.get("refresh_token"), /^[0-9A-F]{32}$/);

  const me = await get("oauth2.0/me", { access_token: accessToken });
  assert.equal(me.response.status, 200);
  const identity = jsonp(me.body);
  assert.equal(identity.client_id, appId);
  assert.match(identity.openid, /^[0-9A-F]{32}$/);

  const info = await get("user/get_user_info", { access_token: accessToken, oauth_consumer_key: appId, openid: identity.openid });
  assert.equal(info.response.status, 200);
  const user = JSON.parse(info.body);
  assert.equal(user.ret, 0, info.body);
  assert.equal(user.nickname, "小明");

  // The same code a second time: refused (QQ's 100020), and nothing issued.
  const replay = await exchange(code);
  assert.equal(replay.response.status, 200);
  const refused = jsonp(replay.body);
  assert.equal(refused.error, 100020);
  assert.equal(refused.error_description, "code is reused error");
  assert.ok(!replay.body.includes("access_token"));

  // A refresh gives a new access token for the same user; the used refresh token is then refused.
  const refresh = (refreshToken) =>
    get("oauth2.0/token", { grant_type: "refresh_token", client_id: appId, client_secret: appKey, refresh_token: refreshToken, fmt: "json" });
  const refreshed = JSON.parse((await refresh(tokens.get("refresh_token"))).body);
  assert.match(refreshed.access_token, /^[0-9A-F]{32}$/);
  assert.notEqual(refreshed.access_token, accessToken);
  const again = JSON.parse((await get("oauth2.0/me", { access_token: refreshed.access_token, fmt: "json" })).body);
  assert.equal(again.openid, identity.openid);
  const reused = JSON.parse((await refresh(tokens.get("refresh_token"))).body);
  assert.equal(reused.error, 100021);
});

test("a user who clicks Deny comes back with an error and no code", { skip }, async () => {
  const callback = await approve("deny");
  assert.equal(callback.searchParams.get("code"), null);
  assert.equal(callback.searchParams.get("error"), "100030");
});

test("a code for another redirect_uri, a wrong key or a made-up code gives no token", { skip }, async () => {
  const code = (await approve()).searchParams.get("code");
  const wrongKey = jsonp((await get("oauth2.0/token", {
    grant_type: "authorization_code", client_id: appId, client_secret: "not-the-key", code, redirect_uri: redirectUri,
  })).body);
  assert.equal(wrongKey.error, 100009);
  const otherRedirect = jsonp((await get("oauth2.0/token", {
    grant_type: "authorization_code", client_id: appId, client_secret: appKey, code, redirect_uri: "http://localhost:8080/qq/callback",
  })).body);
  assert.equal(otherRedirect.error, 100010);
  const madeUp = jsonp((await exchange("0123456789ABCDEF0123456789ABCDEF")).body);
  assert.equal(madeUp.error, 100019);
  // The code is still good after those refusals (the refused redirect_uri used none of it).
  assert.match(new URLSearchParams((await exchange(code)).body).get("access_token") ?? "", /^[0-9A-F]{32}$/);
});
