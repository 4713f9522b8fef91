"""The routes that take input from the hall: a judge's score, a phone's ballot (and its token), a control button
and the host's guarded buttons. Each is checked here, in this order, before the show hears of it: the token (403),
the device's rate (429), the body's size (413, by aiohttp) and shape (400); then the show's engine decides (409 with
its reason when it refuses). A ballot's token travels in its body, so there the body is read first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from stageshow.hall.limits import RateLimit
from stageshow.hall.requests import Refused, command_for
from stageshow.hall.tokens import is_role, judge_of, new_voter_token, voter_of

if TYPE_CHECKING:
    from stageshow.hall.server import HallServer


def add_routes(app: web.Application, server: HallServer) -> None:
    requests = RateLimit(burst=10, per_second=2)  # a device's posts: taps, never a script
    joins = RateLimit(burst=3, per_second=1 / 200)  # voter tokens per address: a phone clearing its cookies is slowed

    async def _body(request: web.Request, device: str) -> dict[str, Any]:
        if not requests.allow(device):
            raise _refusal(web.HTTPTooManyRequests, "操作太频繁，请稍后再试")
        return await _json_body(request)

    async def judge(request: web.Request) -> web.Response:
        slot = judge_of(server.secret, request.query.get("t", ""))
        if slot is None:
            return _reply(403, "评委令牌无效：请扫描评委卡或控制台上的二维码")
        body = await _body(request, f"judge:{slot}")
        server.devices.heard(f"judge:{slot}", f"{slot} 号评委", request.remote)
        return await _decide(server, {"role": "judge", "judge": slot, "team": body.get("team"),
                                      "scores": body.get("scores")})

    async def join(request: web.Request) -> web.Response:
        if not joins.allow(request.remote or "?"):
            return _reply(429, "这台设备领取投票凭证太频繁，请稍后再试")
        return web.json_response({"ok": True, "token": new_voter_token(server.secret)})

    async def vote(request: web.Request) -> web.Response:
        body = await _json_body(request)
        voter = voter_of(server.secret, str(body.get("token", ""))[:64])
        if not requests.allow(f"voter:{voter}" if voter else "vote@" + (request.remote or "?")):
            return _reply(429, "操作太频繁，请稍后再试")
        if voter is None:
            return _reply(403, "投票凭证无效，请重新扫码打开投票页")
        server.devices.heard(f"voter:{voter}", "观众", request.remote)
        return await _decide(server, {"role": "voter", "voter": voter, "teams": body.get("teams")})

    async def control(request: web.Request) -> web.Response:
        if not is_role(server.secret, "control", request.query.get("t", "")):
            return _reply(403, "控制令牌无效")
        body = await _body(request, "control")
        server.devices.heard("control", "控制器", request.remote)
        return await _decide(server, {"role": "control", "command": body.get("command")})

    async def host_control(request: web.Request) -> web.Response:
        if not is_role(server.secret, "host", request.query.get("t", "")):
            return _reply(403, "主持人令牌无效")
        if not server.host_control:
            return _reply(403, "主持人控制未开启（比赛文件中写 network: {host_control: true}）")
        body = await _body(request, "host")
        server.devices.heard("host", "主持人", request.remote)
        if body.get("version") != server.version:  # the tap was for a stage that has since moved on
            return _reply(409, "大屏已经变化，请看清后再按")
        return await _decide(server, {"role": "host", "command": body.get("command")})

    app.router.add_post("/api/judge", judge)
    app.router.add_post("/api/vote/join", join)
    app.router.add_post("/api/vote", vote)
    app.router.add_post("/api/control", control)
    app.router.add_post("/api/host/control", host_control)


async def _json_body(request: web.Request) -> dict[str, Any]:
    """The JSON object a page sent; an HTTP refusal otherwise."""
    try:
        body = json.loads(await request.text())
    except web.HTTPRequestEntityTooLarge as too_large:
        raise web.HTTPRequestEntityTooLarge(
            max_size=request.client_max_size, actual_size=request.content_length or 0,
            text=json.dumps({"ok": False, "message": "请求太大"}, ensure_ascii=False),
            content_type="application/json") from too_large
    except (ValueError, UnicodeDecodeError):
        raise _refusal(web.HTTPBadRequest, "请求格式不对（应为 JSON）") from None
    if not isinstance(body, dict):
        raise _refusal(web.HTTPBadRequest, "请求格式不对（应为 JSON 对象）")
    return body


async def _decide(server: HallServer, request: dict[str, Any]) -> web.Response:
    try:
        command_for(request)  # the shape is checked here, before the show is troubled with it
    except (Refused, KeyError, ValueError, TypeError) as refused:
        return _reply(400, str(refused) if isinstance(refused, Refused) else "请求内容不完整")
    verdict = await server.answer_request(request)
    return _reply(200 if verdict.get("ok") else 409, str(verdict.get("message", "")), ok=bool(verdict.get("ok")))


def _reply(status: int, message: str, ok: bool = False) -> web.Response:
    return web.json_response({"ok": ok, "message": message}, status=status,
                             dumps=lambda data: json.dumps(data, ensure_ascii=False))


def _refusal(kind: type[web.HTTPException], message: str) -> web.HTTPException:
    return kind(text=json.dumps({"ok": False, "message": message}, ensure_ascii=False),
                content_type="application/json")
