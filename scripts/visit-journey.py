#!/usr/bin/env python3
"""The inspector's visit on a 375-px phone, walked in headless Chromium (selenium), counting page loads and taps;
then the offline test: the network cut mid-visit, an observation, an interview and a second observation added,
the page reloaded without a connection, the network back — and each item on the server once, in order.

Run on demand (not in CI's default run), against a running demo server:

    DATA_DIR=/tmp/journey PORT=8090 swift run dudao &
    python3 scripts/visit-journey.py http://127.0.0.1:8090

Needs: pip selenium (4.x), chromium and chromedriver (Debian: chromium, chromium-driver).
A page load is a new document in the tab (counted by a script added to every new document); a tap is a click on
a button, link, summary, select or check box; a typed field is one input filled from the keyboard.
"""
import os
import re
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8090"
USER = os.environ.get("JOURNEY_USER", "inspector")
PASSWORD = os.environ.get("JOURNEY_PASSWORD", "dudao2026")

# A small JPEG-able PNG (1×1) to stand for the camera's photo.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class Phone:
    def __init__(self):
        opts = webdriver.ChromeOptions()
        opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=375,812", "--lang=zh-CN"):
            opts.add_argument(a)
        opts.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": 375, "height": 812, "pixelRatio": 2.0}})
        self.d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=opts)
        self.d.set_page_load_timeout(30)
        # Every new document in the tab adds one to a counter kept in the tab's session storage.
        self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
            "source": "sessionStorage.setItem('loads', String(+(sessionStorage.getItem('loads') || 0) + 1));"})
        self.taps = 0
        self.typed = 0

    def loads(self):
        return int(self.d.execute_script("return +(sessionStorage.getItem('loads') || 0)"))

    def find(self, css, within=None):
        root = within or self.d
        return WebDriverWait(self.d, 15).until(lambda _: root.find_element(By.CSS_SELECTOR, css))

    def tap(self, el):
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        el.click()
        self.taps += 1

    def type(self, el, text):
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        if el.get_attribute("type") in ("time", "date"):
            # The native picker's keyboard order depends on the locale: set the value as the picker would.
            self.d.execute_script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                el, text)
        else:
            el.clear()
            el.send_keys(text)
        self.typed += 1

    def choose(self, el, value):
        self.tap(el)
        Select(el).select_by_value(value)

    def saved(self, timeout=15):
        """Waits for the page script's "已保存" after an in-place save, and for the outbox to empty."""
        WebDriverWait(self.d, timeout).until(lambda d: d.execute_script(
            "var s = document.getElementById('save-status'); return s && /已保存/.test(s.textContent)"))
        self.d.execute_script("document.getElementById('save-status').textContent = ''")

    def open_section(self, section_id):
        summary = self.find(f"#{section_id} details > summary")
        if not summary.find_element(By.XPATH, "..").get_attribute("open"):
            self.tap(summary)
        return self.find(f"#{section_id} details form")

    def network(self, online):
        self.d.execute_cdp_cmd("Network.enable", {})
        self.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def observation(p, form, topic):
    p.type(form.find_element(By.NAME, "className"), "四（2）班")
    p.type(form.find_element(By.NAME, "subject"), "数学")
    p.type(form.find_element(By.NAME, "topic"), topic)
    for box, score in zip(form.find_elements(By.CSS_SELECTOR, "input[name^='scores[']"), ["13", "17", "16", "21", "17"]):
        p.type(box, score)
    p.tap(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def interview(p, form, group, people, notes):
    p.choose(form.find_element(By.NAME, "group"), group)
    p.type(form.find_element(By.NAME, "people"), people)
    p.type(form.find_element(By.NAME, "notes"), notes)
    p.tap(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def journey(p):
    d = p.d
    d.get(BASE + "/login")
    p.type(p.find("input[name=username]"), USER)
    p.type(p.find("input[name=password]"), PASSWORD)
    p.tap(p.find("form button[type=submit]"))
    # The home's to-do list names the schools still to visit this month: one tap opens the new record (a school,
    # not a kindergarten, whose record has a lesson and a rubric).
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".todo a[href^='/visits/new?school=']"))
    todo = [a for a in d.find_elements(By.CSS_SELECTOR, ".todo a[href^='/visits/new?school=']") if "幼儿园" not in a.text]
    if not todo:
        sys.exit("the to-do list has no school left to visit this month: run on a fresh demo (a new DATA_DIR)")
    new_visit = todo[0].get_attribute("href")
    p.tap(todo[0])
    p.tap(p.find("main form button[type=submit]"))
    WebDriverWait(d, 15).until(lambda d: re.search(r"/visits/\d+$", d.current_url))
    visit = d.current_url
    p.find("[data-outbox]")

    p.type(p.find("#basic input[name=start]"), "08:30")
    p.type(p.find("#basic input[name=end]"), "11:30")
    p.type(p.find("#basic textarea[name=summary]"), "随堂听课一节，访谈教师2名、学生3名，查阅作业与安全台账，查看食堂。")
    p.tap(p.find("#basic button[type=submit]"))
    p.saved()

    observation(p, p.open_section("observations"), "两位数乘两位数")
    p.saved()
    interview(p, p.open_section("interviews"), "teachers", "2", "作业量总体适中，分层作业刚起步。")
    p.saved()
    interview(p, p.open_section("interviews"), "students", "3", "每天书面作业约40分钟，能在校内完成大部分。")
    p.saved()

    form = p.open_section("checks")
    p.tap(form.find_element(By.CSS_SELECTOR, "input[value='作业布置与批改']"))
    p.tap(form.find_element(By.CSS_SELECTOR, "input[value='安全工作台账']"))
    band = form.find_element(By.NAME, "band")  # the grade band the homework figure is judged by
    p.tap(band)
    Select(band).select_by_index(1)
    p.type(form.find_element(By.NAME, "homeworkMinutes"), "40")
    p.tap(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    p.saved()

    form = p.open_section("problems")
    category = form.find_element(By.NAME, "category")
    p.tap(category)
    Select(category).select_by_index(1)
    p.type(form.find_element(By.NAME, "description"), "教学楼二层消防通道堆放课桌椅，未及时清理。")
    p.tap(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    p.saved()

    photo = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
    photo.write(PNG)
    photo.close()
    form = p.find("#photos form")
    form.find_element(By.NAME, "photo").send_keys(photo.name)
    p.taps += 1  # choosing the photo (on a phone: the camera button)
    about = form.find_element(By.NAME, "about")  # what the photo shows: the problem just recorded
    p.tap(about)
    Select(about).select_by_value(next(o.get_attribute("value") for o in Select(about).options if o.get_attribute("value").startswith("problem:")))
    p.type(form.find_element(By.NAME, "caption"), "二层消防通道")
    p.tap(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    p.saved()

    p.tap(p.find("#submit form[action$='/submit'] button"))
    d.switch_to.alert.accept()
    p.taps += 1  # the confirmation
    WebDriverWait(d, 15).until(lambda d: "已提交" in d.find_element(By.CSS_SELECTOR, "h1").text)
    if "· 问题：" not in d.find_element(By.ID, "photos").text:
        sys.exit("the photo is not shown with the problem it shows")
    return visit, new_visit


def offline(p, new_visit):
    d = p.d
    d.get(new_visit)
    p.tap(p.find("main form button[type=submit]"))
    WebDriverWait(d, 15).until(lambda d: re.search(r"/visits/\d+$", d.current_url))
    visit = d.current_url
    # The service worker and the kept copy of the page are in place once the page has settled.
    WebDriverWait(d, 15).until(lambda d: d.execute_script(
        "return !!navigator.serviceWorker.controller || (window.caches && true)"))
    time.sleep(1.5)

    p.network(False)
    observation(p, p.open_section("observations"), "离线甲：认识钟表")
    WebDriverWait(d, 10).until(lambda d: "本机" in d.find_element(By.ID, "save-status").text)
    interview(p, p.open_section("interviews"), "teachers", "2", "离线访谈：教研活动每周一次。")
    observation(p, p.open_section("observations"), "离线乙：分数的意义")
    pending = d.find_element(By.CSS_SELECTOR, "#outbox .outbox-count").get_attribute("textContent")
    d.refresh()  # without a connection: the service worker answers with the kept page
    WebDriverWait(d, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "#outbox .outbox-count").get_attribute("textContent") == "3")
    after_reload = d.find_element(By.CSS_SELECTOR, "#outbox .outbox-count").get_attribute("textContent")
    p.network(True)
    d.execute_script("window.dispatchEvent(new Event('online'))")
    WebDriverWait(d, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, "#outbox .outbox-count").get_attribute("textContent") == "0")

    # What the server has, read afresh.
    d.get(visit)
    lessons = d.find_element(By.ID, "observations").get_attribute("textContent")
    talks = d.find_element(By.ID, "interviews").get_attribute("textContent")
    first = lessons.count("离线甲：认识钟表")
    second = lessons.count("离线乙：分数的意义")
    talked = talks.count("离线访谈：教研活动每周一次。")
    order = lessons.find("离线甲：认识钟表") < lessons.find("离线乙：分数的意义")
    return pending, after_reload, first, second, talked, order


def main():
    p = Phone()
    try:
        visit, new_visit = journey(p)
        print(f"journey at 375 px: {p.loads()} page loads, {p.taps} taps, {p.typed} typed fields ({visit})")
        pending, after_reload, first, second, talked, order = offline(p, new_visit)
        print(f"offline: {pending} items waiting before the reload, {after_reload} after it; on the server: "
              f"observation 甲 ×{first}, interview ×{talked}, observation 乙 ×{second}, 甲 before 乙: {order}")
        ok = first == 1 and second == 1 and talked == 1 and order and after_reload == "3"
        print("offline test:", "passed" if ok else "FAILED")
        sys.exit(0 if ok and p.loads() <= 4 and p.taps <= 30 else 1)
    finally:
        p.d.quit()


if __name__ == "__main__":
    main()
