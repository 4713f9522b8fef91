// Follows the stage: the server pushes each new public snapshot (server-sent events, reconnected by the browser
// itself); a countdown runs on this device's own clock from the moment each snapshot arrives.
"use strict";
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
