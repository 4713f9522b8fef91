"""YAML that could hang or crash a reader: aliases (a "billion laughs" bomb, as a value or as a key), deep nesting,
values the parser itself rejects. Each gets a located message, in bounded time, from check and from every reader."""

from __future__ import annotations


import pytest

from tests.support import run_cli

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
"""

KEY_BOMB = BOMB.replace("title: *i", "? *i\n: 1")


def check(path):
    """A bomb once grew to 4.6 GB in 100 s: a run that does not end within the timeout fails the test."""
    return run_cli("check", path, timeout=120)


@pytest.mark.parametrize("name, text, words", [
    ("bomb.show.yaml", BOMB, "锚点"),
    ("keybomb.show.yaml", KEY_BOMB, "锚点"),
    ("bomb.questions.yaml", BOMB.replace("title: *i", "questions:\n  - {id: Q1, pool: 必答, type: short, stem: *i}"),
     "锚点"),
    ("deep.show.yaml", "title: " + "[" * 200 + "]" * 200 + "\n", "层数"),
    ("deeper.show.yaml", "title: " + "[" * 50000 + "]" * 50000 + "\n", "YAML 格式错误"),
    ("date.show.yaml", "title: 决赛\nbase_score: 2024-13-45\n", ":2: "),
    ("bigint.show.yaml", "title: 决赛\nbase_score: " + "9" * 5000 + "\n", ":2: "),
    ("badint.show.yaml", "title: 决赛\nbase_score: !!int 12abc\n", ":2: "),
])
def test_hostile_yaml_is_refused_with_its_place(tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.returncode == 1, result.stdout
    assert words in result.stderr, result.stderr
    assert "程序内部错误" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("step, words", [
    ("- wait: .nan", "“wait”格式不对"),
    ("- wait: .inf", "“wait”格式不对"),
    ("- wait: 1E+999999999", "“wait”格式不对"),
    ("- wait: -5", "“wait”格式不对"),
    ("- press: {team: T01, after: .nan}", "“press.after”格式不对"),
    ("- expect: {scores: 5}", "“expect”格式不对"),
    ("- adjust: {team: T01, points: .inf, reason: 改判}", "“adjust.points”格式不对"),
])
def test_a_script_step_with_an_impossible_number_is_named(tmp_path, step, words):
    from tests.support import DEMO_SHOW

    script = tmp_path / "bad.script.yaml"
    script.write_text(f"steps:\n  - start: R2\n  {step}\n", encoding="utf-8")
    result = run_cli("rehearse", DEMO_SHOW, "--script", script, timeout=120)
    assert result.returncode == 1 and words in result.stderr and "bad.script.yaml:3" in result.stderr, result.stderr
    assert "程序内部错误" not in result.stderr
