"""A judge's page: the team now performing, the round's sheet (one score, or one per criterion, with maxima), and this
judge's own sheet once given (locked). Made from the public snapshot and the one judge's own sheet: a judge never
sees another judge's scores before the panel counts."""

from __future__ import annotations

from typing import Any


def judge_card(public: dict[str, Any], sheets: dict[str, dict[int, list[Any]]], judge: int) -> dict[str, Any]:
    card: dict[str, Any] = {"version": public.get("version", 0), "judge": judge, "round": public.get("round_title"),
                            "team": None}
    performing = public.get("performing")
    if public.get("round_kind") != "judged" or not performing or judge > public.get("judges", 0):
        card["waiting"] = "本环节没有您的评分" if public.get("round_kind") == "judged" else "等待评分环节开始"
        return card
    team = next((item for item in public.get("teams", []) if item["id"] == performing), None)
    if team is not None:
        card["team"] = {"id": team["id"], "name": team["name"], "seat": team["seat"]}
    card["max"] = public.get("judge_max")
    card["criteria"] = [{"name": name, "max": most} for name, most in public.get("criteria", [])]
    card["mine"] = sheets.get(performing, {}).get(judge)
    card["given"] = len(public.get("sheets_given", []))
    card["judges"] = public.get("judges")
    return card
