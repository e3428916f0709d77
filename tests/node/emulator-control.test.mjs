// A QQ login and the emulator's control API, driven the way a site written in another language would drive them.
// Node 20+ built-ins only (node:test, node:assert, fetch): no npm packages.
//
//   QQCONNECT_EMULATOR_URL=http://127.0.0.1:5380 node --test tests/node/emulator-control.test.mjs
//
// The emulator must run with its default apps and users and with --control.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

const APP_ID = '100000001';
const APP_KEY = 'emulator-app-key-0123456789abcdef'; // the default app's fake key, published on purpose
const REDIRECT_URI = 'http://localhost:8080/auth/qq/callback';

const base = (process.env.QQCONNECT_EMULATOR_URL ?? '').replace(/\/*$/, '/');

before(() => {
  assert.ok(
    /^https?:\/\//.test(base),
    'Set QQCONNECT_EMULATOR_URL to the base address of an emulator started with --control, e.g. http://127.0.0.1:5380');
});

const url = (path) => new URL(path, base);

async function control(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url('_emulator/' + path), init);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${method} /_emulator/${path}`);
  return { status: response.status, json: await response.json() };
}

const decodeHtml = (text) => text
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/&amp;/g, '&');

/** Reads the attributes of every <input> of a form. */
function inputsOf(html) {
  return [...html.matchAll(/<input\b([^>]*)>/g)].map(([, attributes]) => {
    const attribute = (name) => {
      const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
      return match ? decodeHtml(match[1]) : undefined;
    };
    return { type: attribute('type'), name: attribute('name'), value: attribute('value'), id: attribute('id') };
  });
}

/**
 * Plays the browser: opens the authorize page, picks the user whose radio button is user-{userIndex}, presses
 * approve, and returns the code and state from the redirect's Location.
 */
async function authorize(userIndex = 0) {
  const state = 'st-' + Math.random().toString(36).slice(2);
  const authorizeUrl = url('oauth2.0/authorize');
  authorizeUrl.search = new URLSearchParams({
    response_type: 'code', client_id: APP_ID, redirect_uri: REDIRECT_URI, state, scope: 'get_user_info',
  }).toString();
  const page = await fetch(authorizeUrl);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.ok(html.includes('not the real QQ login'), 'the page says it is an emulator');

  const form = /<form\b[^>]*\bmethod="post"[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  assert.ok(form, 'the authorize page has a POST form');
  const fields = new URLSearchParams();
  const inputs = inputsOf(form[2]);
  for (const input of inputs.filter((i) => i.type === 'hidden')) {
    fields.append(input.name, input.value ?? '');
  }
  const user = inputs.find((i) => i.type === 'radio' && i.id === `user-${userIndex}`);
  assert.ok(user, `the page offers user ${userIndex}`);
  fields.append(user.name, user.value);
  const approve = /<button\b[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]+)"[^>]*\bid="approve"/.exec(form[2]);
  assert.ok(approve, 'the page has an approve button');
  fields.append(approve[1], approve[2]);

  const decision = await fetch(new URL(decodeHtml(form[1]), authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  assert.equal(decision.status, 302);
  const location = new URL(decision.headers.get('location'));
  assert.equal(location.origin + location.pathname, REDIRECT_URI);
  assert.equal(location.searchParams.get('state'), state);
  const code = location.searchParams.get('code');
  assert.match(code, /^[0-9A-F]{32}$/);
  return { code, html };
}

function tokenUrl(code) {
  const u = url('oauth2.0/token');
  u.search = new URLSearchParams({
    grant_type: 'authorization_code', client_id: APP_ID, client_secret: APP_KEY, code, redirect_uri: REDIRECT_URI,
  }).toString();
  return u;
}

function refreshUrl(refreshToken) {
  const u = url('oauth2.0/token');
  u.search = new URLSearchParams({
    grant_type: 'refresh_token', client_id: APP_ID, client_secret: APP_KEY, refresh_token: refreshToken,
  }).toString();
  return u;
}

/** The code exchange: QQ answers form pairs (text/html) on success. */
async function exchange(code) {
  const response = await fetch(tokenUrl(code));
  assert.equal(response.status, 200);
  const body = await response.text();
  const pairs = new URLSearchParams(body);
  assert.match(pairs.get('access_token') ?? '', /^[0-9A-F]{32}$/, 'a token answer: ' + body);
  return { accessToken: pairs.get('access_token'), refreshToken: pairs.get('refresh_token'), expiresIn: Number(pairs.get('expires_in')) };
}

/** /oauth2.0/me answers JSONP: callback( {...} ); */
async function me(accessToken) {
  const u = url('oauth2.0/me');
  u.search = new URLSearchParams({ access_token: accessToken }).toString();
  const body = await (await fetch(u)).text();
  const match = /^\s*callback\(\s*(\{[\s\S]*\})\s*\);\s*$/.exec(body);
  assert.ok(match, 'a JSONP answer: ' + body);
  return JSON.parse(match[1]);
}

async function userInfo(accessToken, openId) {
  const u = url('user/get_user_info');
  u.search = new URLSearchParams({ access_token: accessToken, oauth_consumer_key: APP_ID, openid: openId }).toString();
  return JSON.parse(await (await fetch(u)).text());
}

async function login(userIndex = 0) {
  const { code } = await authorize(userIndex);
  const tokens = await exchange(code);
  const identity = await me(tokens.accessToken);
  return { code, ...tokens, openId: identity.openid, clientId: identity.client_id };
}

test('a full login, as a web client in another language makes it', async () => {
  await control('POST', 'reset');
  const { json: { users } } = await control('GET', 'users');

  const { code } = await authorize(0);
  const { accessToken, refreshToken, expiresIn } = await exchange(code);
  assert.match(refreshToken, /^[0-9A-F]{32}$/);
  assert.ok(expiresIn > 0);
  const identity = await me(accessToken);
  assert.equal(identity.client_id, APP_ID);
  assert.equal(identity.openid, users[0].openIds[APP_ID], 'the OpenID the control API lists');
  const info = await userInfo(accessToken, identity.openid);
  assert.equal(info.ret, 0);
  assert.equal(info.nickname, users[0].nickname);
  assert.match(info.figureurl_qq_1, /^http:\/\//);
});

test('control: the apps, without their keys', async () => {
  const { status, json } = await control('GET', 'apps');
  assert.equal(status, 200);
  assert.ok(json.apps.some((app) => app.appId === APP_ID));
  assert.ok(!JSON.stringify(json).includes(APP_KEY));
});

test('control: a user added by key is listed, offered on the page and logs in', async () => {
  const key = 'node-' + Date.now();
  const added = await control('PUT', 'users/' + encodeURIComponent(key), { nickname: 'Node 用户', gender: '女', city: '杭州' });
  assert.equal(added.status, 201);
  const { json: { users } } = await control('GET', 'users');
  const listed = users.find((user) => user.key === key);
  assert.ok(listed, 'the new user is listed');
  assert.equal(listed.index, added.json.index);
  assert.match(listed.openIds[APP_ID], /^[0-9A-F]{32}$/);

  const { html } = await authorize(0);
  assert.ok(html.includes('Node 用户'), 'the authorize page offers the new user');
  const session = await login(listed.index);
  assert.equal(session.openId, listed.openIds[APP_ID]);
  const info = await userInfo(session.accessToken, session.openId);
  assert.equal(info.nickname, 'Node 用户');
  assert.equal(info.city, '杭州');

  const replaced = await control('POST', 'users', { key, nickname: 'Node 改名' });
  assert.equal(replaced.status, 200);
  assert.equal(replaced.json.index, listed.index);
  assert.equal((await userInfo(session.accessToken, session.openId)).nickname, 'Node 改名');
});

test('control: a ServerError fault on the token endpoint strikes the next call only', async () => {
  await control('POST', 'reset');
  const added = await control('POST', 'faults', { kind: 'ServerError', endpoint: '/oauth2.0/token', count: 1 });
  assert.equal(added.status, 201);
  assert.equal(added.json.pending, 1);
  const { code } = await authorize(0);

  const failed = await fetch(tokenUrl(code));
  assert.equal(failed.status, 502);
  await failed.text();
  const { accessToken } = await exchange(code); // struck before processing: the code is still good
  assert.match(accessToken, /^[0-9A-F]{32}$/);
  assert.equal((await control('GET', 'faults')).json.pending, 0);

  await control('POST', 'faults', { kind: 'ServerError', count: 0 });
  assert.equal((await control('DELETE', 'faults')).json.pending, 0);
  assert.equal((await fetch(url('oauth2.0/me'))).status, 200);
});

test('control: counters of codes issued and redeemed, and of replays', async () => {
  await control('POST', 'reset');
  const { code } = await authorize(0);
  const { refreshToken } = await exchange(code);
  const replay = await (await fetch(tokenUrl(code))).text();
  assert.match(replay, /100020/, 'a redeemed code is refused as reused');
  assert.match(await (await fetch(refreshUrl(refreshToken))).text(), /^access_token=/);
  assert.match(await (await fetch(refreshUrl(refreshToken))).text(), /100021/);

  const { json } = await control('GET', 'counters');
  assert.equal(json.codesIssued, 1);
  assert.equal(json.codesRedeemed, 1);
  assert.equal(json.codeReplays, 1);
  assert.equal(json.refreshTokenReplays, 1);
  assert.equal(json.requests['/oauth2.0/token'], 4);
  assert.equal(json.requests['/oauth2.0/authorize'], 2);
});

test('control: reset forgets tokens, zeroes counters and clears faults', async () => {
  const { accessToken } = await login(0);
  await control('POST', 'faults', { kind: 'Latency', endpoint: '/nowhere', delayMs: 10 });

  const reset = await control('POST', 'reset');
  assert.equal(reset.status, 200);

  const { json } = await control('GET', 'counters');
  assert.equal(json.codesIssued, 0);
  assert.equal(json.codeReplays, 0);
  assert.equal(json.pendingFaults, 0);
  assert.deepEqual(json.requests, {});
  const u = url('oauth2.0/me');
  u.search = new URLSearchParams({ access_token: accessToken, fmt: 'json' }).toString();
  assert.equal((await (await fetch(u)).json()).error, 100016);
});

test('control: the last requests, with the app key, code and tokens masked', async () => {
  await control('POST', 'reset');
  const session = await login(0);
  await userInfo(session.accessToken, session.openId);

  const response = await fetch(url('_emulator/requests?last=10'));
  const text = await response.text();
  for (const secret of [APP_KEY, session.code, session.accessToken, session.refreshToken]) {
    assert.ok(!text.includes(secret), 'a secret is in the request log');
  }
  const { requests } = JSON.parse(text);
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path} ${r.status}`),
    ['GET /oauth2.0/authorize 200', 'POST /oauth2.0/authorize 302', 'GET /oauth2.0/token 200', 'GET /oauth2.0/me 200', 'GET /user/get_user_info 200']);
  const token = new URLSearchParams(requests[2].query);
  assert.equal(token.get('client_secret'), '***');
  assert.equal(token.get('code'), '***');
  assert.equal(token.get('client_id'), APP_ID);
  assert.ok(!Number.isNaN(Date.parse(requests[2].time)));
});

test('control: mistakes are answered in JSON, in plain words', async () => {
  const unknown = await control('GET', 'nothing');
  assert.equal(unknown.status, 404);
  const badKind = await control('POST', 'faults', { kind: 'Explode' });
  assert.equal(badKind.status, 400);
  assert.match(badKind.json.error, /kind must be one of Latency, ServerError/);
  const badStatus = await control('POST', 'faults', { kind: 'ServerError', statusCode: 99999 });
  assert.equal(badStatus.status, 400);
  const notJson = await fetch(url('_emulator/faults'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'kind=ServerError' });
  assert.equal(notJson.status, 415);
  assert.ok((await notJson.json()).error);
  assert.equal((await control('GET', 'faults')).json.pending, 0);
});
