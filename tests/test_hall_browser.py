"""The hall's pages in a real browser (Chromium, headless, driven by Selenium): the mirror follows the stage as it
changes, the overlay is transparent with the score strip, and a page whose server went away reconnects by itself."""

from __future__ import annotations

import shutil
from decimal import Decimal
import time

import pytest

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.formats.show_file import load_show_or_raise
from stageshow.hall.addresses import free_port
from stageshow.hall.server import HallServer
from tests.support import DEMO_SHOW

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and its driver are installed by "
                                "scripts/test.sh (as root); this machine has neither")


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,720"):
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(check, timeout=10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    raise AssertionError("the page never showed it")


def test_the_mirror_follows_the_stage_and_reconnects(browser):
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    port = free_port(20765, "127.0.0.1")
    server = HallServer(port=port, host="127.0.0.1")
    server.start()
    try:
        server.publish(public_snapshot(show, engine.state), 0)
        browser.get(f"http://127.0.0.1:{port}/mirror")
        wait_for(lambda: browser.find_element("id", "title").text == show.title)
        for command in (c.StartRound("R1"), c.Next()):
            engine.handle(command, 0)
        question = show.question(engine.state.question.question_id)
        server.publish(public_snapshot(show, engine.state), 0)
        wait_for(lambda: browser.find_element("id", "stem").text == question.stem)
        options = [item.text for item in browser.find_elements("css selector", ".option")]
        assert options == [f"{'ABCD'[i]}. {text}" for i, text in enumerate(question.options)]
        assert question.answer not in browser.find_element("id", "answer").text  # not before its reveal
        server.stop()  # the network side dies ...
        server = HallServer(port=port, host="127.0.0.1")
        server.start()  # ... and comes back: the page finds it again by itself
        engine.handle(c.Go(), 1)
        engine.handle(c.Judge(c.Verdict.CORRECT), 2)
        engine.handle(c.Reveal(), 3)
        server.publish(public_snapshot(show, engine.state), 3)
        wait_for(lambda: browser.find_element("id", "answer").text == f"答案：{question.answer}", timeout=15)
        strip = browser.find_element("id", "strip").text
        assert "110" in strip  # T01's ten points, on the strip
    finally:
        server.stop()


def test_the_overlay_is_transparent_with_the_score_strip(browser):
    show = load_show_or_raise(DEMO_SHOW)
    port = free_port(21765, "127.0.0.1")
    server = HallServer(port=port, host="127.0.0.1")
    server.start()
    try:
        server.publish(public_snapshot(show, Engine(show).state), 0)
        browser.get(f"http://127.0.0.1:{port}/overlay")
        wait_for(lambda: "开发区代表队" in browser.find_element("id", "teams").text)
        background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background in ("rgba(0, 0, 0, 0)", "transparent")
    finally:
        server.stop()


def test_the_host_reads_the_line_to_say_and_the_answer(browser):
    from stageshow.hall.host_card import host_card

    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    for command in (c.StartRound("R1"), c.Next()):
        engine.handle(command, 0)
    port = free_port(26765, "127.0.0.1")
    server = HallServer(port=port, host="127.0.0.1", secret="a-secret-for-tests")
    server.start()
    try:
        snapshot = public_snapshot(show, engine.state)
        server.publish(snapshot, 0, {"host": host_card(show, snapshot)})
        question = show.question(snapshot.question.id)
        browser.get(f"http://127.0.0.1:{port}/host?t={server.host_token}")
        wait_for(lambda: browser.find_element("id", "line").text == "请1号台开发区代表队作答")
        assert browser.find_element("id", "answer").text == f"答案：{question.answer}"
        engine.handle(c.Go(), 1)
        engine.handle(c.Judge(c.Verdict.CORRECT), 2)
        snapshot = public_snapshot(show, engine.state)
        server.publish(snapshot, 2, {"host": host_card(show, snapshot)})
        wait_for(lambda: browser.find_element("id", "line").text == "回答正确，加10分")
        browser.get(f"http://127.0.0.1:{port}/host?t=wrong")  # a guessed token gets nothing
        time.sleep(1.5)
        assert browser.find_element("id", "answer").text == ""
    finally:
        server.stop()


def test_a_judge_scores_on_the_tablet_and_a_phone_votes_against_the_real_app(browser, qtbot, tmp_path):
    from selenium.webdriver.common.by import By

    from stageshow.hall.tokens import judge_token
    from tests.support import open_app, write_show

    rounds = [{"id": "R5", "kind": "judged", "title": "情景模拟", "judges": 2, "drop_extremes": False, "per_vote": 1,
               "criteria": [{"name": "执法程序", "max": 60}, {"name": "文书制作", "max": 40}]}]
    windows = open_app(qtbot, write_show(tmp_path / "show", rounds, teams=3), tmp_path)
    try:
        assert windows.hall.start(port=free_port(24765))
        port, secret = windows.hall.server.port, windows.hall.secret
        windows.bridge.submit(c.StartRound("R5"))
        browser.get(f"http://127.0.0.1:{port}/judge?t={judge_token(secret, 1)}")
        qtbot.waitUntil(lambda: "正在评分：1号台 第1队" in browser.find_element(By.ID, "team").text, timeout=10000)
        fields = browser.find_elements(By.CSS_SELECTOR, "#lines input")
        assert [field.find_element(By.XPATH, "..").text for field in fields] == ["执法程序（0–60）", "文书制作（0–40）"]
        fields[0].send_keys("61")
        fields[1].send_keys("30")
        submit = browser.find_element(By.ID, "submit")
        submit.click()
        assert "确认提交" in submit.text  # the first tap only arms it: a sheet is locked once sent
        submit.click()
        qtbot.waitUntil(lambda: "0..60" in browser.find_element(By.ID, "msg").text, timeout=10000)  # the engine's words
        fields[0].clear()
        fields[0].send_keys("55.5")
        submit.click()
        submit.click()
        qtbot.waitUntil(lambda: "已提交：85.5 分" in browser.find_element(By.ID, "done").text, timeout=10000)
        assert "评委已评 1/2" in browser.find_element(By.ID, "done").text  # how far the panel has got
        assert windows.bridge.state.round.sheets["T01"] == {1: (Decimal("55.5"), 30)}
        browser.get(f"http://127.0.0.1:{port}/judge?t={judge_token(secret, 1)}")  # reloaded: still locked
        qtbot.waitUntil(lambda: "已锁定" in browser.find_element(By.ID, "done").text, timeout=10000)

        browser.execute_cdp_cmd("Network.setUserAgentOverride",
                                {"userAgent": "Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50"})
        browser.get(f"http://127.0.0.1:{port}/vote")  # opened from WeChat's scanner: the page says how to leave it
        qtbot.waitUntil(lambda: "投票尚未开始" in browser.find_element(By.ID, "state").text, timeout=10000)
        assert "在浏览器中打开" in browser.find_element(By.ID, "wechat").text
        windows.bridge.submit(c.OpenVoting())
        qtbot.waitUntil(lambda: len(browser.find_elements(By.CSS_SELECTOR, "button.team")) == 3, timeout=10000)
        browser.find_elements(By.CSS_SELECTOR, "button.team")[1].click()
        browser.find_element(By.ID, "send").click()
        qtbot.waitUntil(lambda: "您已投票" in browser.find_element(By.ID, "state").text, timeout=10000)
        assert list(windows.bridge.state.round.ballots.values()) == [("T02",)]
        browser.execute_script("localStorage.removeItem('stageshow-voted|测试决赛|情景模拟')")  # as if it forgot
        browser.refresh()
        qtbot.waitUntil(lambda: len(browser.find_elements(By.CSS_SELECTOR, "button.team")) == 3, timeout=10000)
        browser.find_elements(By.CSS_SELECTOR, "button.team")[0].click()
        browser.find_element(By.ID, "send").click()
        qtbot.waitUntil(lambda: "已经投过" in browser.find_element(By.ID, "msg").text, timeout=10000)
        assert len(windows.bridge.state.round.ballots) == 1  # the same phone's token: no second ballot
        browser.get(f"http://127.0.0.1:{port}/mirror")  # a mirror screen and the host's pad on the same show
        qtbot.waitUntil(lambda: "情景模拟" in browser.find_element(By.ID, "round").text, timeout=10000)
        browser.get(f"http://127.0.0.1:{port}/host?t={windows.hall.host_token}")
        qtbot.waitUntil(lambda: "情景模拟" in browser.find_element(By.ID, "round").text, timeout=10000)
    finally:
        windows.shutdown()
