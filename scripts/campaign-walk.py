#!/usr/bin/env python3
"""A 综合督导 walked in headless Chromium (selenium), with a screenshot of every step:
the office sets the procedure (phases per kind, 申辩 window) and publishes the campaign on a desktop; sends the
written notice; the school uploads evidence for an item (a wrong file first) and self-assesses on a 375-px phone and
hands it in; two team members rate on phones, apart on one item, one of them with the connection lost (the rating
waits on the phone and goes when the connection returns); the lead sees the disagreement and the members' remarks,
fixes the team's score; the preliminary opinion, the school's 申辩 and its answer; the office issues the 督导意见书
with a problem; the school reads its indicator-level scores; the results (heat map, comparison with the spring
check) are published (通报) and printed, with the 督导意见书, to A4 PDF.

Run on demand against a fresh demo server:

    DATA_DIR=/tmp/walk PORT=8090 swift run dudao &
    python3 scripts/campaign-walk.py http://127.0.0.1:8090 /tmp/walk-shots

Needs: pip selenium (4.x), chromium and chromedriver (Debian: chromium, chromium-driver).
"""
import base64
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8090"
OUT = sys.argv[2] if len(sys.argv) > 2 else "/tmp/walk-shots"
PASSWORD = "dudao2026"
TITLE = "城关街道学校综合督导（演示）"
os.makedirs(OUT, exist_ok=True)
shots = []


class Browser:
    def __init__(self, user, width):
        opts = webdriver.ChromeOptions()
        opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},900", "--lang=zh-CN"):
            opts.add_argument(a)
        if width < 500:
            opts.add_experimental_option(
                "mobileEmulation", {"deviceMetrics": {"width": width, "height": 812, "pixelRatio": 2.0}})
        self.d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=opts)
        self.width = width
        self.user = user
        self.get("/login")
        self.d.find_element(By.NAME, "username").send_keys(user)
        self.d.find_element(By.NAME, "password").send_keys(PASSWORD)
        self.click("form button[type=submit]")

    def get(self, path):
        self.d.get(BASE + path)

    def el(self, css):
        return WebDriverWait(self.d, 15).until(lambda _: self.d.find_element(By.CSS_SELECTOR, css))

    def click(self, css):
        e = self.el(css)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
        e.click()

    def button(self, text):
        for b in self.d.find_elements(By.CSS_SELECTOR, "button, a.btn"):
            if b.text.strip() == text:
                self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", b)
                b.click()
                self.gone(b)
                return
        raise SystemExit(f"{self.user}: no button 「{text}」 on {self.d.current_url}")

    def gone(self, el):
        """Waits for the page that held `el` to be replaced (any error reading it means it is gone)."""
        def stale(_):
            try:
                el.is_enabled()
                return False
            except Exception:
                return True
        WebDriverWait(self.d, 15).until(stale)

    def act(self, label, text=None, problems=None):
        """Fills the step form whose button says `label` and sends it."""
        for form in self.d.find_elements(By.CSS_SELECTOR, "form.step-form"):
            if form.find_element(By.CSS_SELECTOR, "button").text.strip() != label:
                continue
            if text is not None:
                form.find_element(By.NAME, "text").send_keys(text)
            if problems is not None:
                form.find_element(By.NAME, "problems").send_keys(problems)
            self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", form)
            form.find_element(By.CSS_SELECTOR, "button").click()
            self.gone(form)
            return
        raise SystemExit(f"{self.user}: no step 「{label}」 on {self.d.current_url}")

    def shot(self, name):
        # The whole page from its top (a page scrolled to its last button would be shot from there).
        self.d.execute_script("window.scrollTo(0, 0)")
        h = self.d.execute_script("return document.documentElement.scrollHeight")
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": min(h, 6000), "deviceScaleFactor": 1, "mobile": self.width < 500})
        path = os.path.join(OUT, f"{len(shots) + 1:02d}-{name}-{self.width}.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]))
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        shots.append(path)
        print(path, "·", self.d.title)

    def pdf(self, name):
        data = self.d.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
        path = os.path.join(OUT, f"{name}.pdf")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["data"]))
        print(path, "(A4)")

    def rate(self, answers):
        """Answers by item code: 'yes'/'no' for radios, a number for fields."""
        for code, value in answers.items():
            if value in ("yes", "no"):
                self.click(f"input[name='a_{code}'][value='{value}']")
            else:
                field = self.el(f"input[name='a_{code}']")
                field.clear()
                field.send_keys(value)


office = Browser("office", 1280)
office.get("/campaigns/rules")
office.shot("office-procedure-rules")
office.get("/campaigns/new")
office.el("#f-title").send_keys(TITLE)
Select(office.el("#f-version")).select_by_visible_text(
    next(o.text for o in Select(office.el("#f-version")).options if o.text.startswith("开学工作")))
Select(office.el("#f-targetKind")).select_by_value("school")
office.click("input[name='schoolTypes[]'][value='primary']")
for township in office.d.find_elements(By.CSS_SELECTOR, "input[name='townships[]']"):
    if township.find_element(By.XPATH, "..").text.strip() == "城关街道":
        office.d.execute_script("arguments[0].click()", township)
Select(office.el("#f-lead")).select_by_visible_text("王建华（督学）")
for member in office.d.find_elements(By.CSS_SELECTOR, "input[name='members[]']"):
    label = member.find_element(By.XPATH, "..").text
    if "李秀英" in label or "张志强" in label:
        office.d.execute_script("arguments[0].click()", member)
office.shot("office-new-campaign")
office.button("发布任务")
office.shot("office-board")
target_link = office.d.find_element(By.XPATH, "//a[contains(@href, '/campaign-targets/')][contains(., '城关街道中心小学')]")
target = target_link.get_attribute("href").replace(BASE, "")
office.get(target)
office.act("发出书面通知")
office.shot("office-notice-sent")

school = Browser("school", 375)
school.get(target)
school.shot("school-target")
# Evidence: a text file is refused with the reason; a photo for 8.1 (收费公示栏照片) is kept.
school.get(target + "/evidence")
Select(school.el("#f-item")).select_by_value("8.1")
wrong = os.path.join(OUT, "notes.txt")
photo = os.path.join(OUT, "fee-board.png")
with open(wrong, "w") as f:
    f.write("not evidence")
with open(photo, "wb") as f:
    f.write(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
school.el("#files").send_keys(wrong)
school.button("上传")
school.shot("school-evidence-refused")
Select(school.el("#f-item")).select_by_value("8.1")
school.el("#files").send_keys(photo)
school.button("上传")
school.shot("school-evidence-uploaded")
school.get(target + "/rate")
school.rate({"1.1": "yes", "1.2": "0", "1.3": "yes", "2.1": "0"})
school.button("保存")
school.get(target)
school.act("提交自评")
school.shot("school-self-assessment-handed-in")

lead = Browser("inspector", 375)
member = Browser("inspector2", 375)
lead.get(target + "/rate")
lead.rate({"1.1": "yes", "1.2": "1", "1.3": "yes", "2.1": "0"})
lead.shot("lead-rates")
lead.button("提交")
member.get(target + "/rate")
# On site without a connection: the rating waits on the phone, listed at the top, and goes when it returns.
member.d.execute_cdp_cmd("Network.enable", {})
member.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
    "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
member.rate({"1.1": "no", "1.2": "1", "1.3": "yes", "2.1": "1"})
member.click("details.rating-remark summary") if member.d.find_elements(By.CSS_SELECTOR, "details.rating-remark") else None
member.el("textarea[name='c_1.1']").send_keys("开学第一天2名学生未到校，未见逐人跟踪记录。")
for b in member.d.find_elements(By.CSS_SELECTOR, "button"):
    if b.text.strip() == "保存":
        member.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", b)
        b.click()
        break
WebDriverWait(member.d, 15).until(lambda d: not d.find_element(By.ID, "outbox").get_attribute("hidden"))
member.shot("member-rated-offline")
member.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
    "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
member.d.execute_script("window.dispatchEvent(new Event('online'))")
WebDriverWait(member.d, 30).until(lambda d: d.find_element(By.ID, "outbox").get_attribute("hidden"))
member.shot("member-rating-sent")
member.button("提交")
member.shot("member-rated")
lead.get(target + "/team")
lead.shot("lead-sees-disagreement")
lead.click("input[name='a_1.1'][value='yes']")
# The items nobody marked: met (是), nothing found (0), so the team's rating is complete.
lead.d.execute_script("""
  document.querySelectorAll('.rating-item').forEach(function (item) {
    var radios = item.querySelectorAll('input[type=radio]');
    if (radios.length && !item.querySelector('input[type=radio]:checked')) radios[0].checked = true;
    item.querySelectorAll('input[name^="a_"]:not([type=radio])').forEach(function (f) { if (!f.value) f.value = '0'; });
  });""")
lead.button("保存督导组评分")
lead.get(target)
lead.act("确定督导组评分")
lead.act("送达初步意见", text="开学工作总体到位；控辍保学台账需补全。")
lead.shot("lead-preliminary")
school.get(target)
school.act("提出申辩", text="台账已于当日补全，附照片。")
lead.get(target)
lead.act("答复申辩", text="经核实已补全，采纳；其余意见维持。")
office.get(target)
office.act("印发督导意见书", text="请于30日内完成整改并书面报送区教育督导室。", problems="食堂48小时留样记录不全")
office.shot("office-opinion-issued")
office.get(target + "/opinion")
office.shot("opinion-print")
office.pdf("opinion")
school.get(target)
school.shot("school-reads-indicator-scores")
campaign = office.d.find_element(By.XPATH, "//a[contains(., '返回')]").get_attribute("href")
office.get(target)
office.d.find_element(By.XPATH, "//a[contains(@href, '/campaigns/')]").click()
office.get(office.d.current_url.replace(BASE, "") + "/results")
office.click("input[name='public']")
office.button("通报结果")
office.shot("results")
office.pdf("results")
school.get(office.d.current_url.replace(BASE, "").replace("/results", "/bulletin"))
school.shot("school-reads-bulletin")
print(f"{len(shots)} screenshots in {OUT}")
for b in (office, school, lead, member):
    b.d.quit()
