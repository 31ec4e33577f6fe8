"""The page in a real browser, as the foreman would use it: headless Chromium (the system's
``chromium`` and ``chromium-driver`` packages) at a phone's size, driven by Selenium.

It fills the page with the Shenzhen story's facts (examples/cn-shenzhen-2021-10-final-pay.yaml)
in Chinese, then in English, checks, reads 3744.39 and the engine's own finding texts from
the page, downloads the payslip file it built and checks that file with the library, and
saves screenshots of the form and the report (in PAYCHECK_SCREENSHOTS if set, else a
temporary folder).

Skipped only when chromium is absent and PAYCHECK_REQUIRE_BROWSER is unset (CI sets it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

import paycheck

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cn-shenzhen-2021-10-final-pay.yaml"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
REQUIRED = bool(os.environ.get("PAYCHECK_REQUIRE_BROWSER"))
PHONE = (412, 915)  # a common Android phone's viewport, in CSS pixels

if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()) and not REQUIRED:
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

# (the test extra installs selenium and the web extra's framework)
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from test_serve import server  # noqa: E402, F401  (paycheck serve on a free loopback port)

# What the story's payslip says, as he would type it: the free text in his language.
FACTS = {
    "zh_CN": {
        "accept": "zh-CN,zh",
        "name": "客服主管",
        "employer": "深圳某蛋糕公司",
        "base": "基本工资（12天）",
        "overtime": "中秋加班费",
        "penalty": ("紧急辞职", "紧急辞职，扣9月工资的20%"),
        "delivery": ("配送费（客户取消订单）", "客户记错订单取消后产生的第三方配送费"),
        "bouquet": ("配送费（花束送东莞）", "用从未培训过的方式把花束送到东莞"),
        "cup": ("保温杯（给客户）", "公司答应送客户的保温杯，由客服分摊"),
        "form": "沟通单",
        "reason": "因用人单位过错辞职",
        "article": "劳动合同法 第三十八条 第一款 第（二）项",
        "social": "社保（个人部分）",
        "bad_wage": "请写成金额数字",
        "next": "下一步",
    },
    "en": {
        "accept": "en-GB,en",
        "name": "Customer-service foreman",
        "employer": "Cake company, Shenzhen",
        "base": "Base pay, 12 days",
        "overtime": "Mid-Autumn overtime",
        "penalty": ("Emergency resignation", "emergency resignation, 20% of September salary"),
        "delivery": ("Delivery fee, customer's cancellation", "customer cancelled by mistake"),
        "bouquet": ("Delivery fee, bouquet to Dongguan", "a method staff were never trained in"),
        "cup": ("Thermos cup for a customer", "share of a cup the company promised"),
        "form": "communication form",
        "reason": "I resigned because the employer broke the law or the contract",
        "article": "劳动合同法 第三十八条 第一款 第（二）项",  # the law he relies on is China's
        "social": "Social insurance (employee share)",
        "bad_wage": "Write an amount in figures",
        "next": "Next",
    },
}


@pytest.fixture(scope="module")
def url(server):  # noqa: F811  (the fixture from test_serve)
    host, port = server
    return f"http://{host}:{port}/"


@pytest.fixture(scope="module")
def shots():
    folder = os.environ.get("PAYCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        yield Path(folder)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            yield Path(tmp)


def chromium(accept_language: str, downloads: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={downloads / 'profile'}",
        f"--window-size={PHONE[0] + 100},{PHONE[1]}",
        f"--lang={accept_language.split(',')[0]}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "intl.accept_languages": accept_language,
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    locale = accept_language.split(",")[0].replace("-", "_")  # the phone's own locale:
    env = {**os.environ, "LANG": f"{locale}.UTF-8", "LANGUAGE": locale}  # its date fields
    service = webdriver.ChromeService(executable_path=DRIVER, env=env)
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    phone(driver, PHONE[1])
    return driver


def phone(driver, height: int) -> None:
    """A phone's screen: its width in CSS pixels, touch, the page's viewport meta honoured."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE[0], "height": height, "deviceScaleFactor": 1, "mobile": True},
    )


def wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def field(driver, name: str):
    return driver.find_element(By.CSS_SELECTOR, f'[data-field="{name}"]')


def click(element) -> None:
    """Scroll the element to the middle of the screen, as a thumb would, then tap it."""
    element.parent.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def type_into(element, text: str) -> None:
    element.parent.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.clear()
    element.send_keys(text)


def pick_date(driver, element, value: str) -> None:
    """A date as the native picker sets it (its typed form depends on the browser's locale)."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        element,
        value,
    )


def next_step(driver) -> None:
    click(driver.find_element(By.ID, "next"))


def add_row(driver, which: str):
    click(driver.find_element(By.CSS_SELECTOR, f'[data-add="{which}"]'))
    rows = {"overtime": "overtime-rows", "earning": "earnings-rows", "deduction": "deductions-rows"}
    return driver.find_elements(By.CSS_SELECTOR, f"#{rows[which]} > .row")[-1]


def in_row(row, name: str):
    return row.find_element(By.CSS_SELECTOR, f'[data-name="{name}"]')


def open_details(row) -> None:
    details = row.find_element(By.TAG_NAME, "details")
    if not details.get_attribute("open"):
        click(details.find_element(By.TAG_NAME, "summary"))


def full_page_screenshot(driver, path: Path) -> None:
    """The whole page at the phone's width, as he would scroll through it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    phone(driver, max(PHONE[1], height))
    time.sleep(0.2)
    driver.save_screenshot(str(path))
    phone(driver, PHONE[1])


def fill_the_story(driver, facts: dict, shots: Path, lang: str) -> None:
    """Every step of the page with the story's facts, in order, as a person goes through it."""
    Select(field(driver, "jurisdiction")).select_by_value("CN-GD-SZ")
    type_into(field(driver, "employee.name"), facts["name"])
    type_into(field(driver, "employee.id"), "E-0817")
    type_into(field(driver, "employer.id"), facts["employer"])
    next_step(driver)

    pick_date(driver, field(driver, "period"), "2021-10")
    next_step(driver)

    wage = field(driver, "contract.wage")
    type_into(wage, "6,000")  # as many would write it: the page says what it wants instead
    wait(
        driver,
        lambda d: any(
            facts["bad_wage"] in p.text for p in d.find_elements(By.CSS_SELECTOR, ".problem")
        ),
    )
    assert wage.get_attribute("aria-invalid") == "true"
    driver.save_screenshot(str(shots / f"form-wage-problem-{lang}.png"))
    type_into(wage, "6000.00")
    pick_date(driver, field(driver, "contract.employment_start"), "2021-08-16")
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".problem"))
    next_step(driver)

    Select(field(driver, "contract.termination.how")).select_by_value("resignation")
    pick_date(driver, field(driver, "contract.termination.last_day"), "2021-10-22")
    pick_date(driver, field(driver, "contract.termination.notice_date"), "2021-10-20")
    # Why it ended, in his words: he resigned because his pay was docked (第三十八条).
    reason = Select(field(driver, "contract.termination.reason"))
    reason.select_by_value("employer-breach")
    assert reason.first_selected_option.text.startswith(facts["reason"])
    type_into(field(driver, "contract.termination.article"), facts["article"])
    # His annual leave in the year he left: none taken, eight years of work in all.
    type_into(field(driver, "contract.annual_leave.taken"), "0")
    type_into(field(driver, "contract.annual_leave.years_worked"), "8")
    wait(driver, lambda d: d.find_element(By.ID, "status").text)
    full_page_screenshot(driver, shots / f"form-end-{lang}.png")
    next_step(driver)

    # The days: every working day up to the last day is marked to start with, 9 October (the
    # Saturday make-up working day) among them; the golden week is holidays and rest days.
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#days-calendar button.day"))
    worked = [
        b.get_attribute("data-date")
        for b in driver.find_elements(By.CSS_SELECTOR, '#days-calendar button[aria-pressed="true"]')
    ]
    story = [f"2021-10-{d:02d}" for d in (8, 9, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22)]
    assert worked == story
    day = driver.find_element(By.CSS_SELECTOR, '#days-calendar button[data-date="2021-10-01"]')
    assert "holiday" in day.get_attribute("class")
    makeup = driver.find_element(By.CSS_SELECTOR, '#days-calendar button[data-date="2021-10-09"]')
    assert "makeup" in makeup.get_attribute("class")
    driver.save_screenshot(str(shots / f"form-days-{lang}.png"))
    next_step(driver)

    for date in ("2021-09-19", "2021-09-20", "2021-09-21"):
        row = add_row(driver, "overtime")
        pick_date(driver, in_row(row, "date"), date)
        type_into(in_row(row, "hours"), "8")
    next_step(driver)

    row = add_row(driver, "earning")
    Select(in_row(row, "kind")).select_by_value("base")
    type_into(in_row(row, "label"), facts["base"])
    type_into(in_row(row, "amount"), "2769.23")
    open_details(row)
    type_into(in_row(row, "days_paid"), "12")
    type_into(in_row(row, "divisor"), "26")
    row = add_row(driver, "earning")
    Select(in_row(row, "kind")).select_by_value("overtime")
    type_into(in_row(row, "label"), facts["overtime"])
    type_into(in_row(row, "amount"), "910.34")
    open_details(row)
    type_into(in_row(row, "hours"), "24")
    type_into(in_row(row, "multiplier"), "3")
    type_into(in_row(row, "base"), "2200.00")
    next_step(driver)

    def deduction(kind, label_reason, amount, caused_by=None, basis=None):
        row = add_row(driver, "deduction")
        Select(in_row(row, "kind")).select_by_value(kind)
        type_into(in_row(row, "label"), label_reason[0])
        type_into(in_row(row, "amount"), amount)
        if len(label_reason) > 1:
            type_into(in_row(row, "reason"), label_reason[1])
        if caused_by:
            Select(in_row(row, "caused_by")).select_by_value(caused_by)
        if basis:
            Select(in_row(row, "basis.kind")).select_by_value("company-rule")
            type_into(in_row(row, "basis.reference"), basis)

    deduction("resignation-penalty", facts["penalty"], "1200.00")
    deduction("loss-compensation", facts["delivery"], "45.00", "customer", facts["form"])
    deduction("business-cost", facts["bouquet"], "60.00")
    deduction("business-cost", facts["cup"], "50.00", basis=facts["form"])
    deduction("social-insurance", (facts["social"],), "480.00")
    full_page_screenshot(driver, shots / f"form-deductions-{lang}.png")
    next_step(driver)

    type_into(field(driver, "net_pay"), "1844.57")
    wait(driver, lambda d: d.find_element(By.ID, "status").get_attribute("class") == "good")
    driver.save_screenshot(str(shots / f"form-net-{lang}.png"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_story_typed_into_the_page_gives_3744_39(url, shots, tmp_path, lang):
    facts = FACTS[lang]
    driver = chromium(facts["accept"], tmp_path)
    try:
        driver.get(url)  # the language comes from the browser's Accept-Language
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang.replace(
            "_", "-"
        )
        assert driver.find_element(By.ID, "next").text == facts["next"]
        fill_the_story(driver, facts, shots, lang)

        click(driver.find_element(By.ID, "check"))
        total = wait(driver, lambda d: d.find_element(By.ID, "total-owed"))
        assert total.text.startswith("3744.39")
        # The payslip file he built, downloaded: the library finds the same as the example.
        click(driver.find_element(By.ID, "report-yaml"))
        saved = tmp_path / "payslip.yaml"
        wait(driver, lambda d: saved.exists() and saved.stat().st_size > 0)
        time.sleep(0.2)
        built = paycheck.check(paycheck.load(saved))
        example = paycheck.check(paycheck.load(EXAMPLE))
        assert built.total_owed == example.total_owed
        assert [(f.rule, f.line, f.amount_owed) for f in built.findings] == [
            (f.rule, f.line, f.amount_owed) for f in example.findings
        ]

        text = driver.find_element(By.ID, "report").text
        for finding in built.findings:  # the engine's own words, in the page's language
            assert finding.text(lang) in text, finding.text(lang)
        assert "劳动合同法 第二十五条" in text
        if lang == "zh_CN":
            assert "应补发给您" in text and "辞职违约金" in text
        overtime = driver.find_elements(By.CSS_SELECTOR, "#report td.day.overtime")
        assert [d.get_attribute("title")[:10] for d in overtime] == [
            "2021-09-19",
            "2021-09-20",
            "2021-09-21",
        ]
        assert len(driver.find_elements(By.CSS_SELECTOR, "#report .bar-line")) == 2
        driver.save_screenshot(str(shots / f"report-top-{lang}.png"))
        full_page_screenshot(driver, shots / f"report-{lang}.png")
    finally:
        driver.quit()


def test_an_uploaded_file_is_checked_and_fills_the_form(url, tmp_path):
    driver = chromium("zh-CN,zh", tmp_path)
    try:
        driver.get(url)
        driver.find_element(By.CSS_SELECTOR, ".upload summary").click()
        driver.find_element(By.ID, "upload-file").send_keys(str(EXAMPLE))
        total = wait(driver, lambda d: d.find_element(By.ID, "total-owed"))
        assert total.text.startswith("3744.39")
        click(driver.find_element(By.ID, "edit"))
        assert field(driver, "contract.wage").get_attribute("value") == "6000.00"
        assert field(driver, "contract.termination.reason").get_attribute("value") == (
            "employer-breach"
        )
        assert field(driver, "contract.termination.article").get_attribute("value") == (
            "劳动合同法 第三十八条 第一款 第（二）项"
        )
        assert field(driver, "contract.annual_leave.taken").get_attribute("value") == "0"
        assert field(driver, "contract.annual_leave.years_worked").get_attribute("value") == "8"
        click(driver.find_element(By.ID, "chip-deductions"))
        assert len(driver.find_elements(By.CSS_SELECTOR, "#deductions-rows > .row")) == 5
    finally:
        driver.quit()


def test_the_language_chosen_on_the_page_keeps_what_was_typed(url, tmp_path):
    driver = chromium("en", tmp_path)
    try:
        driver.get(url)
        type_into(field(driver, "employer.id"), "Cake company")
        driver.find_element(By.CSS_SELECTOR, '.langs a[data-lang="zh_CN"]').click()
        wait(driver, lambda d: d.find_element(By.ID, "next").text == "下一步")
        assert field(driver, "employer.id").get_attribute("value") == "Cake company"
    finally:
        driver.quit()
