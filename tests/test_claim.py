"""paycheck claim: the claim an employee can file, as the story's foreman would file it.

The story (../shared/stories/shenzhen-cake-company.txt): his last day was 2021-10-22, and
today, in the story's telling, is 2026-11-26. A claim for wages must be filed within one
year of the end of the employment (劳动争议调解仲裁法 第二十七条 第四款). Counted as the Civil
Code counts periods (民法典 第二百零一条: the day it starts is not counted, so the year runs
from 2021-10-23; 第二百零二条: it ends on the corresponding day of the last year), the last day
is 2022-10-22. On 2026-11-26 that is 1496 days past: the letter must say so, and name what
can still interrupt or suspend it.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT, WORKED, payslip_data

import paycheck
from paycheck import claim
from paycheck.claim import State
from paycheck.claim.law import add_months
from paycheck.claim.numerals import capital
from paycheck.cli import main
from paycheck.messages import line_name

STORY_TODAY = date(2026, 11, 26)
LOCALE = ROOT / "src" / "paycheck" / "locale"
MY = EXAMPLES / "my-kuala-lumpur-2025-05-final-pay.yaml"
SG = EXAMPLES / "sg-singapore-2025-10-customer-service.yaml"
NG = EXAMPLES / "ng-lagos-2024-10-customer-service.yaml"


def build(path: Path, today: date = STORY_TODAY, lang: str | None = None) -> claim.Claim:
    p = paycheck.load(path)
    return claim.build(p, paycheck.check(p, source=str(path)), today=today, lang=lang)


def build_data(data: dict, today: date = STORY_TODAY) -> claim.Claim:
    p = paycheck.validate(data)
    return claim.build(p, paycheck.check(p), today=today)


def flat(text: str) -> str:
    """Text without its line breaks and spaces (a PDF or a Markdown table wraps lines)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def story() -> claim.Claim:
    return build(WORKED)


# -- the story: the Chinese application -------------------------------------------------------


def test_the_story_claims_3744_39_in_figures_and_capitals(story):
    assert story.lang == "zh_CN"
    assert story.total == story.report.total_owed == Decimal("3744.39")
    assert capital(story.total) == "叁仟柒佰肆拾肆元叁角玖分"
    md = story.to_markdown()
    assert "# 劳动人事争议仲裁申请书（草稿）" in md
    assert "以上合计：人民币3744.39元（大写：叁仟柒佰肆拾肆元叁角玖分）。" in md
    assert story.exit_code == 1


STORY_CLAIMS = [  # line, amount, what is asked, in capitals, an article its main finding cites
    (
        "earnings[0]",
        "1368.70",
        "支付2021年10月1日至2021年10月31日期间少发的基本工资",
        "壹仟叁佰陆拾捌元柒角",
        "《中华人民共和国劳动法》第五十一条",
    ),
    (
        "earnings[1]",
        "1020.69",
        "支付少发的加班费",
        "壹仟零贰拾元陆角玖分",
        "《深圳市员工工资支付条例》第十八条",
    ),
    (
        "deductions[0]",
        "1200.00",
        "返还以辞职为由扣除的违约金",
        "壹仟贰佰元整",
        "《中华人民共和国劳动合同法》第二十五条",
    ),
    (
        "deductions[1]",
        "45.00",
        "返还以赔偿损失为由扣除的工资",
        "肆拾伍元整",
        "《工资支付暂行规定》（劳部发〔1994〕489号）第十六条",
    ),
    (
        "deductions[2]",
        "60.00",
        "返还转嫁给申请人承担的经营费用扣款",
        "陆拾元整",
        "《中华人民共和国劳动法》第五十条",
    ),
    (
        "deductions[3]",
        "50.00",
        "返还转嫁给申请人承担的经营费用扣款",
        "伍拾元整",
        "《中华人民共和国劳动法》第五十条",
    ),
]


def test_each_claim_is_a_payslip_line_once_with_its_amount_and_article(story):
    assert [(i.line, str(i.amount)) for i in story.items] == [
        (line, amount) for line, amount, *_ in STORY_CLAIMS
    ]
    md = story.to_markdown()
    claims = md.split("## 仲裁请求")[1].split("## 事实与理由")[0]
    facts = md.split("## 事实与理由")[1].split("## 证据清单")[0]
    for n, (line, amount, asks, in_capitals, article) in enumerate(STORY_CLAIMS, 1):
        asked = f"{n}. 请求裁决被申请人{asks}人民币{amount}元（大写：{in_capitals}）"
        named = line_name(line, "zh_CN")  # earnings[0]: 应发第1项
        assert f"{asked}（工资单{named}" in claims
        item = facts.split(f"\n{n}. ")[1].split(f"\n{n + 1}. ")[0]
        assert f"工资单{named}" in item and article in item, item
    # the finding texts are the engine's, in Chinese, with their arithmetic
    assert "以辞职为由扣违约金 1200.00" in facts
    assert "6000.00 / 21.75 / 8 x 8 小时 x 300% = 827.59" in facts


def test_the_parties_have_blanks_where_the_payslip_cannot_tell(story):
    md = story.to_markdown()
    assert "姓名：Customer-service foreman（工号：E-0817）" in md
    assert "身份证件号码：____" in md and "住所：____" in md and "联系电话：____" in md
    assert "名称：Cake company, Shenzhen（编号：SZ-CAKE-01）" in md
    assert "法定代表人或者主要负责人：____" in md


def test_the_evidence_list_comes_from_the_payslip(story):
    names = [e.name for e in claim.document.evidence(story)]
    assert names == [
        "2021年10月1日至2021年10月31日工资单",
        "劳动合同",
        "考勤记录（出勤及加班记录）",
        "辞职通知（2021年10月20日）",
        "规章制度：communication form",  # named on two deductions: one row
        "工资支付记录（银行流水）",
        "与用人单位就扣款往来的聊天记录、短信、电子邮件等（如有）",
    ]
    md = story.to_markdown()
    evidence = md.split("## 证据清单")[1].split("## 向哪里申请")[0]
    assert "| 序号 | 证据名称 | 证据来源 | 证明内容 |" in evidence
    assert "2021年9月19日 8小时；2021年9月20日 8小时；2021年9月21日 8小时" in evidence
    assert "cancellation（工资单扣款第2项）扣款45.00元" in evidence
    assert "Thermos cup for a customer（工资单扣款第4项）扣款50.00元" in evidence
    assert "实际收到的金额1844.57元" in evidence
    assert "第六条、第三十九条第二款" in evidence  # the employer must produce what it holds


def test_where_to_file_follows_article_21_and_names_no_committee_it_cannot_know(story):
    md = story.to_markdown()
    where = md.split("## 向哪里申请")[1].split("## 时效")[0]
    assert "第二十一条" in where and "劳动合同履行地或者用人单位所在地" in where
    assert "深圳市劳动人事争议仲裁委员会负责福田、罗湖、南山、盐田四区" in where
    assert "认缴注册资本1000万元以上" in where
    assert "本草稿没有填写仲裁委员会的名称" in where
    assert "提交前请再核实" in where  # the Shenzhen division rests on secondary sources
    # the other route: labour inspection, its own 2-year limit, passed too
    assert "《劳动保障监察条例》第二十条" in where and "约至2023年10月22日" in where
    assert "按此估算，这一期限已经届满" in where
    # the application closes with the committee left blank
    assert "此致  \n________劳动人事争议仲裁委员会" in md


def test_the_deadline_is_one_year_after_the_last_day_and_has_passed(story):
    assert add_months(date(2021, 10, 22), 12) == date(2022, 10, 22)
    d = story.filing.deadline
    assert (d.last_day, d.state, d.days_left) == (date(2022, 10, 22), State.PASSED, -1496)
    md = story.to_markdown()
    head = md.split("## 申请人")[0]  # the warning stands at the top of the letter
    assert "⚠ 按工资单上的日期计算，申请仲裁的时效已于2022年10月22日届满" in head
    assert "（今天是2026年11月26日，已过1496天）" in head
    limit = md.split("## 时效")[1]
    assert "工资单显示劳动关系于2021年10月22日终止" in limit
    assert "第二百零一条、第二百零二条" in limit and "最后一日是2022年10月22日" in limit
    # what can still interrupt or suspend it, and that it must be proved
    for ground in (
        "向用人单位主张权利",
        "投诉或者请求救济",
        "用人单位曾同意支付",
        "第二十七条第二款",
        "不可抗力或者其他正当理由",
        "时效中止",
        "第二十七条第三款",
        "第一百九十二条第二款",
        "应当提供证据",
    ):
        assert ground in limit, ground


@pytest.mark.parametrize(
    ("today", "state", "words"),
    [
        (date(2022, 9, 1), State.NEAR, "⚠ 距离申请仲裁的时效届满只剩51天（最后一日2022年10月22日"),
        (date(2022, 10, 22), State.NEAR, "只剩0天"),  # the last day itself is still in time
        (
            date(2022, 1, 10),
            State.OPEN,
            "申请仲裁的最后一日：2022年10月22日（今天是2022年1月10日，还有285天）",
        ),
    ],
)
def test_before_the_deadline_the_letter_says_near_or_not_yet(today, state, words):
    c = build(WORKED, today=today)
    assert c.filing.deadline.state is state
    md = c.to_markdown()
    assert words in md
    assert "届满（今天是" not in md  # not "passed"
    assert ("⚠" in md.split("## 申请人")[0]) is (state is State.NEAR)


def test_while_employed_the_year_runs_from_the_payslip_to_be_safe():
    c = build_data(
        payslip_data(
            deductions=[
                {"kind": "fine", "label": "Late", "amount": "100.00"},
                {"kind": "social-insurance", "label": "Social insurance", "amount": "480.00"},
            ]
        ),
        today=date(2023, 8, 1),
    )
    assert c.filing.deadline.last_day == date(2024, 6, 30)  # period end 2023-06-30, + 1 year
    md = c.to_markdown()
    assert "工资单没有显示劳动关系已经终止" in md and "不受一年时效期间的限制（第四款）" in md
    assert "最后一日是2024年6月30日" in md


def test_a_dated_deduction_before_the_last_day_warns_by_the_earlier_date():
    c = build_data(
        payslip_data(
            contract={"termination": {"how": "resignation", "last_day": "2023-06-30"}},
            deductions=[
                {"kind": "fine", "label": "Late", "amount": "100.00", "date": "2023-06-10"},
                {"kind": "social-insurance", "label": "Social insurance", "amount": "480.00"},
            ],
        ),
        today=date(2023, 8, 1),
    )
    assert c.filing.deadline.last_day == date(2024, 6, 10)
    md = c.to_markdown()
    assert "最后一日是2024年6月30日" in md  # art. 27(4) from the end of the employment
    assert "从工资单上最早的日期2023年6月10日起算，最后一日是2024年6月10日" in md


def test_the_chinese_claim_in_english_for_an_adviser():
    c = build(WORKED, lang="en")
    md = c.to_markdown()
    assert "Total: CNY 3744.39 (in Chinese capitals: 叁仟柒佰肆拾肆元叁角玖分)." in md
    assert "the time limit for applying for arbitration ended on 22 October 2022" in md


def test_nothing_owed_still_writes_the_claim_and_exits_0(capsys):
    c = build(EXAMPLES / "cn-shenzhen-2021-10-final-pay-corrected.yaml")
    assert c.items == () and c.exit_code == 0
    assert "paycheck 没有在本工资单中发现可以确定主张的欠付金额" in c.to_markdown()
    assert main(["claim", str(EXAMPLES / "cn-shenzhen-2021-10-final-pay-corrected.yaml")]) == 0
    assert "仲裁请求" in capsys.readouterr().out


# -- points to argue ----------------------------------------------------------------------------


def test_an_uncertain_finding_is_only_a_point_to_argue():
    c = build(MY)
    assert [i.line for i in c.items] == [
        "earnings[1], earnings[2]",
        "deductions[1]",
        "deductions[2]",
        "deductions[3]",
    ]
    assert [(p.line, str(p.amount)) for p in c.points] == [
        ("earnings[0]", "595.54"),
        ("deductions[0]", "57.69"),
    ]
    assert all(f.severity is paycheck.Severity.UNCERTAIN for p in c.points for f in p.findings)
    assert c.total == c.report.total_owed == Decimal("307.69")
    md = c.to_markdown()
    claims = md.split("## Claims")[1].split("## Facts and reasons")[0]
    points = md.split("## Points to argue (not claimed above)")[1].split("## Evidence")[0]
    assert "595.54" not in claims and "earnings[0]" not in claims
    assert (
        "1. Basic salary, 20 days (payslip line earnings[0]): a further MYR 595.54 is at stake"
        in points
    )
    assert "(unverified)" in points


def test_an_uncertain_amount_beyond_a_claim_on_the_same_line_is_argued_apart():
    c = build(NG)
    base = next(i for i in c.items if i.line == "earnings[0]")
    assert base.amount == Decimal("4000.00")
    assert [(p.line, str(p.amount)) for p in c.points] == [("earnings[0]", "6000.00")]
    assert c.total == Decimal("14000.00")


# -- Malaysia, Singapore, Nigeria: the English claims -------------------------------------------


def test_malaysia_director_general_of_labour_and_no_settled_limit():
    c = build(MY)
    assert c.lang == "en" and c.filing.deadline.state is State.UNSETTLED
    md = c.to_markdown()
    assert md.startswith("# Complaint to the Director General of Labour (draft)")
    assert "To: the Director General of Labour, Department of Labour Peninsular Malaysia" in md
    assert "Under section 69(1) of the Employment Act 1955" in md
    limit = md.split("## Time limit")[1].split("##")[0]
    assert limit.strip().startswith("Not settled.")
    assert "Limitation Act 1953" in limit and "was not confirmed" in limit
    assert "⚠ The sources paycheck read do not settle the time limit" in md.split("## Claimant")[0]
    assert "Total: MYR 307.69." in md


def test_malaysia_sabah_is_not_under_the_employment_act():
    data = yaml.safe_load(MY.read_text("utf-8"))
    data["jurisdiction"] = "MY-12"
    md = build_data(data).to_markdown()
    assert "Sabah or Sarawak, where the Employment Act 1955 does not apply" in md
    assert "Under section 69(1)" not in md


def test_singapore_tadm_then_the_tribunals_within_a_year_while_employed():
    c = build(SG, today=date(2026, 1, 15))
    d = c.filing.deadline
    assert (d.last_day, d.state) == (date(2026, 10, 31), State.OPEN)
    md = c.to_markdown()
    assert "Tripartite Alliance for Dispute Management (TADM)" in md
    assert "Employment Claims Tribunals" in md and "section 3(1)" in md
    assert "section 3(2)(e)" in md
    assert "Last day to submit the mediation request: 31 October 2026 (289 days from today" in md
    assert "Total: SGD 883.77." in md
    assert build(SG).filing.deadline.state is State.PASSED  # on the story's day


def test_singapore_six_months_after_the_last_day_once_employment_ended():
    data = yaml.safe_load(SG.read_text("utf-8"))
    data["contract"]["termination"] = {"how": "resignation", "last_day": "2025-10-31"}
    c = build_data(data, today=date(2026, 4, 1))
    assert c.filing.deadline.last_day == date(2026, 4, 30)
    assert c.filing.deadline.state is State.NEAR
    md = c.to_markdown()
    assert "not later than 6 months after the last day of employment" in md
    assert "section 3(2)(d)" in md and "⚠ Only 29 days are left" in md


def test_nigeria_industrial_court_and_a_contested_limit():
    c = build(NG)
    assert c.filing.deadline.state is State.UNSETTLED
    md = c.to_markdown()
    assert "To: the National Industrial Court of Nigeria" in md
    assert "section 254C(1)" in md and "authorized labour officer" in md
    limit = md.split("## Time limit")[1].split("##")[0]
    assert limit.strip().startswith("Not settled.") and "NICN/LA/402/2018" in limit
    assert "Total: NGN 14000.00." in md


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_claims_add_up_to_the_reports_total(path):
    c = build(path)
    assert c.total == c.report.total_owed
    assert len({i.line for i in c.items}) == len(c.items)
    assert c.to_html().startswith("<!DOCTYPE html>")


def test_a_country_without_a_claim_module_says_paycheck_does_not_know():
    from paycheck.claim.law import filing

    p = paycheck.load(WORKED)
    f = filing(p.model_copy(update={"jurisdiction": "ZZ"}), STORY_TODAY, "en")
    assert f.deadline.state is State.UNSETTLED
    assert "no information on where wage claims are filed for ZZ" in f.where[0]


# -- HTML and the command -----------------------------------------------------------------------


def test_html_escapes_what_the_payslip_says():
    data = payslip_data(employee={"id": "E-1", "name": "<b>Lee</b> & co"})
    html = build_data(data).to_html()
    assert "&lt;b&gt;Lee&lt;/b&gt; &amp; co" in html and "<b>Lee" not in html
    assert '<html lang="zh-CN">' in html and "Noto Serif CJK SC" in html


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_cli_claim_markdown_html_and_exit_codes(capsys, tmp_path):
    rc, out, err = _run(capsys, "claim", str(WORKED), "--today", "2026-11-26")
    assert (rc, err) == (1, "")
    assert "叁仟柒佰肆拾肆元叁角玖分" in out and "2022年10月22日" in out
    target = tmp_path / "claim.html"
    rc, out, _ = _run(capsys, "claim", str(SG), "--format", "html", "--output", str(target))
    assert (rc, out) == (1, "")
    assert "SGD 883.77" in target.read_text("utf-8")
    rc, _, err = _run(capsys, "claim", str(tmp_path / "missing.yaml"))
    assert rc == 2 and err.startswith("paycheck: ")
    with pytest.raises(SystemExit) as stop:
        main(["claim", str(WORKED), "--lang", "xx"])
    assert stop.value.code == 2


def test_cli_pdf_without_weasyprint_says_how_to_install_it(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    rc, out, err = _run(
        capsys, "claim", str(WORKED), "--format", "pdf", "--output", str(tmp_path / "c.pdf")
    )
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and "pip install 'paycheck-labour[pdf]'" in err
    assert not (tmp_path / "c.pdf").exists()


def test_cli_pdf_is_not_written_to_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    rc, out, err = _run(capsys, "claim", str(WORKED), "--format", "pdf")
    assert rc == 2 and out == "" and "--output" in err


def test_the_library_imports_and_writes_markdown_without_weasyprint():
    code = (
        "import sys; sys.modules['weasyprint'] = None\n"
        "import paycheck\nfrom paycheck import claim\n"
        f"p = paycheck.load({str(WORKED)!r})\n"
        "c = claim.build(p, paycheck.check(p))\n"
        "assert '3744.39' in c.to_markdown() and c.to_html()\n"
        "try:\n    c.to_pdf()\nexcept claim.PdfUnavailable as e:\n    print('unavailable', e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("unavailable PDF needs WeasyPrint")


# -- the catalog ------------------------------------------------------------------------------


def _po(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "claim.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_en_and_zh_cn_have_the_same_sentences_and_placeholders():
    en, zh = _po("en"), _po("zh_CN")
    assert sorted(set(en) ^ set(zh)) == []
    assert [k for k, v in {**en, **zh}.items() if not v] == []
    assert [k for k in en if _fields(en[k]) != _fields(zh[k])] == []


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_compiled_claim_catalog_is_the_po_file(lang):
    from babel.messages.mofile import read_mo

    with (LOCALE / lang / "LC_MESSAGES" / "claim.mo").open("rb") as f:
        mo = {m.id: m.string for m in read_mo(f) if m.id}
    assert mo == _po(lang), "run: pybabel compile -d src/paycheck/locale -D claim"


def test_every_sentence_the_code_names_is_in_the_catalog_and_every_entry_is_used():
    sources = [
        *(ROOT / "src" / "paycheck" / "claim").glob("*.py"),
        *(ROOT / "src" / "rules").glob("*/claim.py"),
    ]
    literals: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for path in sources:
        tree = ast.parse(path.read_text("utf-8"))
        pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in pieces:
                    literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):  # f"{form}.claims", f"cn.source-{name}"
                parts = [
                    re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w-]+"
                    for v in node.values
                ]
                patterns.append(re.compile("".join(parts)))
    entries = _po("en")
    named = {s for s in literals if re.fullmatch(r"[a-z]+(\.[\w-]+)+", s)}
    assert (
        sorted(
            n
            for n in named
            if n not in entries
            and "." in n
            and n.split(".")[0] in {k.split(".")[0] for k in entries}
        )
        == []
    )
    unused = [k for k in entries if k not in literals and not any(p.fullmatch(k) for p in patterns)]
    assert unused == []


# -- PDF: text and a picture, through poppler -------------------------------------------------

PDF_TOOLS = shutil.which("pdftotext") and shutil.which("pdftoppm")


def _pdf_ready() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return bool(PDF_TOOLS)


needs_pdf = pytest.mark.skipif(
    not _pdf_ready() and not os.environ.get("PAYCHECK_REQUIRE_PDF"),
    reason="WeasyPrint or poppler-utils not installed (set PAYCHECK_REQUIRE_PDF=1 to fail)",
)


@needs_pdf
def test_the_story_pdf_has_the_amounts_the_capitals_and_the_last_day(story, tmp_path):
    pdf = tmp_path / "claim-cn.pdf"
    pdf.write_bytes(story.to_pdf())
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = flat(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert "劳动人事争议仲裁申请书" in text
    for _, amount, _, in_capitals, _ in STORY_CLAIMS:
        assert f"人民币{amount}元（大写：{in_capitals}）" in text
    assert "以上合计：人民币3744.39元（大写：叁仟柒佰肆拾肆元叁角玖分）" in text
    assert "时效已于2022年10月22日届满" in text and "最后一日是2022年10月22日" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    assert page.read_bytes().startswith(b"\x89PNG") and page.stat().st_size > 20_000


@needs_pdf
def test_an_english_pdf_through_the_command(tmp_path):
    target = tmp_path / "claim-sg.pdf"
    assert (
        main(
            ["claim", str(SG), "--format", "pdf", "--output", str(target), "--today", "2026-01-15"]
        )
        == 1
    )
    text = flat(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert "Total:SGD883.77." in text and "31October2026" in text


def test_a_finding_about_no_one_line_is_named_by_its_reason():
    p = paycheck.load(WORKED)
    report = paycheck.check(p)
    findings = [
        f.model_copy(update={"line": None, "line_label": None}) if f.line == "deductions[3]" else f
        for f in report.findings
    ]
    c = claim.build(p, report.model_copy(update={"findings": findings}), today=STORY_TODAY)
    assert c.total == Decimal("3744.39")
    assert c.items[-1].line is None
    md = c.to_markdown()
    assert "返还转嫁给申请人承担的经营费用扣款人民币50.00元（大写：伍拾元整）。" in md
    assert "6. 经营成本应由用人单位承担：" in md
