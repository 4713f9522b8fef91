// Follows the stage: the server pushes each new public snapshot (server-sent events, reconnected by the browser
// itself); a countdown runs on this device's own clock from the moment each snapshot arrives.
"use strict";
// A page opened inside WeChat's own browser says how to open it in the phone's browser instead.
document.addEventListener("DOMContentLoaded", () => {
  if (!/MicroMessenger/i.test(navigator.userAgent)) return;
  const hint = document.createElement("p");
  hint.id = "wechat";
  hint.style.cssText = "margin:0;padding:10px 14px;background:#ffd54f;color:#111;font-size:18px";
  hint.textContent = "您在微信中打开了本页：请点右上角“…”，选择“在浏览器中打开”。";
  document.body.prepend(hint);
});
function followStage(page, draw, streamUrl) {
  let latest = null, received = 0;
  const status = document.getElementById("link");
  function take(text) {
    latest = JSON.parse(text);
    received = performance.now();
    draw(latest, 0);
  }
  function connect() {
    const source = new EventSource(streamUrl || "/api/stream?page=" + page);
    source.onmessage = (event) => { if (status) status.textContent = ""; take(event.data); };
    source.onerror = () => {
      if (status) status.textContent = "连接中断，正在重新连接…";
      if (source.readyState === EventSource.CLOSED) {  // the browser gave up: start again ourselves
        source.close();
        setTimeout(connect, 1000);
      }
    };
  }
  connect();
  setInterval(() => { if (latest) draw(latest, performance.now() - received); }, 200);
}
function secondsLeft(clock, elapsedMs) {
  if (!clock) return null;
  const left = clock.deadline === null ? clock.remaining : Math.max(0, clock.remaining - elapsedMs * 1e6);
  return left === null ? null : Math.ceil(left / 1e9);
}
function text(id, value) {
  const node = document.getElementById(id);
  if (node && node.textContent !== String(value ?? "")) node.textContent = value ?? "";
}
function drawTeams(id, teams, border) {
  // the score strip: a cell per team in its colour, redrawn only when a name or a score changed
  const strip = document.getElementById(id);
  const key = teams.map(t => (t.short || t.name) + "|" + t.score).join(",");
  if (strip.dataset.shown === key) return;
  strip.replaceChildren(...teams.map(t => {
    const cell = document.createElement("div");
    cell.className = "team";
    cell.style.borderTop = border + " solid " + (t.color || "#ffd54f");
    cell.append(t.short || t.name);
    const score = document.createElement("b"); score.textContent = t.score; cell.append(score);
    return cell;
  }));
  strip.dataset.shown = key;
}
