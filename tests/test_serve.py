"""``paycheck serve``: the server as a person starts it (on a free loopback port, stopped
after), the requests it refuses, the answers it gives, the web catalogs, and that the rest of
paycheck never loads the web framework.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import paycheck
from paycheck.limits import MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cn-shenzhen-2021-10-final-pay.yaml"
LOCALE = ROOT / "src" / "paycheck" / "locale"
WEB = ROOT / "src" / "paycheck" / "web"

if importlib.util.find_spec("starlette") is None and not os.environ.get("PAYCHECK_REQUIRE_BROWSER"):
    pytest.skip("the web extra is not installed: pip install '.[web]'", allow_module_level=True)


@pytest.fixture(scope="module")
def server():
    """``paycheck serve --port 0 --no-browser``: its address, from the line it prints."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "paycheck.cli", "serve", "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    line = proc.stdout.readline()
    if "http://127.0.0.1:" not in line:
        proc.kill()
        pytest.fail(f"paycheck serve did not start: {line}{proc.stderr.read()}")
    url = urlsplit(line.split("at ", 1)[1].split(" ", 1)[0])
    yield url.hostname, url.port
    proc.terminate()
    assert proc.wait(timeout=10) is not None


def request(server, method, path, body=None, headers=None):
    host, port = server
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers={"Host": f"{host}:{port}", **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def payslip_json(**changes) -> bytes:
    data = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text("utf-8")), default=str))
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for key in parents:
            target = target[key]
        target[last] = value
    return json.dumps(data).encode()


def test_the_page_is_served_in_the_language_the_browser_asks_for(server):
    status, headers, body = request(server, "GET", "/", headers={"Accept-Language": "zh-CN,zh"})
    assert status == 200
    page = body.decode()
    assert '<html lang="zh-CN">' in page and "核对我的工资条" in page
    assert "法定休假日" in page and "调休上班" in page
    status, _, body = request(server, "GET", "/", headers={"Accept-Language": "fr, en;q=0.5"})
    assert '<html lang="en">' in body.decode() and "Check my payslip" in body.decode()
    _, _, body = request(server, "GET", "/?lang=zh_CN", headers={"Accept-Language": "en"})
    assert '<html lang="zh-CN">' in body.decode()
    # every asset from this server: no request leaves the machine
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", page)
    assert headers["cache-control"] == "no-store"
    assert "default-src 'self'" in headers["content-security-policy"]


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "[::2]:80", ""]
)
def test_a_foreign_host_header_is_refused(server, host):
    """DNS rebinding: a page elsewhere whose name resolves to 127.0.0.1 sends its own name."""
    status, _, body = request(server, "GET", "/", headers={"Host": host})
    assert status == 400
    assert b"Host header" in body


def test_loopback_names_are_served(server):
    _, port = server
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "localhost"):
        assert request(server, "GET", "/", headers={"Host": host})[0] == 200


def test_a_name_given_with_allowed_host_is_served_behind_a_proxy():
    """A union's host: paycheck on loopback, a TLS proxy in front passing its public name."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "paycheck.cli",
            "serve",
            "--port",
            "0",
            "--no-browser",
            "--allowed-host",
            "paycheck.example.org",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        url = urlsplit(proc.stdout.readline().split("at ", 1)[1].split(" ", 1)[0])
        proxied = {"Host": "paycheck.example.org", "Origin": "https://paycheck.example.org"}
        at = (url.hostname, url.port)
        assert request(at, "GET", "/", headers={"Host": "paycheck.example.org"})[0] == 200
        assert request(at, "POST", "/api/validate", payslip_json(), proxied)[0] == 200
        assert request(at, "GET", "/", headers={"Host": "other.example.org"})[0] == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_form_of_another_site_is_refused(server):
    status, _, _ = request(
        server, "POST", "/api/check", payslip_json(), {"Origin": "http://evil.example"}
    )
    assert status == 403


def test_an_oversized_upload_is_refused_with_a_clear_message(server):
    big = b"# padding\n" * (MAX_BYTES // 10 + 10)
    status, _, body = request(
        server, "POST", "/api/upload?name=big.yaml&lang=en", big, {"Content-Type": "text/plain"}
    )
    assert status == 413
    assert json.loads(body)["error"].startswith("The file is larger than 1,000,000 bytes")
    status, _, body = request(server, "POST", "/api/upload?name=big.yaml&lang=zh_CN", big)
    assert status == 413 and "文件超过 1,000,000 字节" in json.loads(body)["error"]


def test_a_body_sent_in_chunks_is_cut_off_at_the_limit(server):
    """No Content-Length to trust: the server counts what it reads."""
    host, port = server
    conn = http.client.HTTPConnection(host, port, timeout=30)
    chunks = (b"x" * 65536 for _ in range(MAX_BYTES // 65536 + 2))
    conn.request(
        "POST",
        "/api/upload?name=a.yaml",
        body=chunks,
        encode_chunked=True,
        headers={"Host": f"{host}:{port}", "Transfer-Encoding": "chunked"},
    )
    response = conn.getresponse()
    assert response.status == 413
    conn.close()


def test_uploading_the_story_s_payslip_shows_3744_39(server):
    status, _, body = request(
        server,
        "POST",
        "/api/upload?name=cn-shenzhen-2021-10-final-pay.yaml&lang=zh_CN",
        EXAMPLE.read_bytes(),
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["total_owed"] == "3744.39"
    assert '<p class="total-amount" id="total-owed">3744.39' in answer["html"]
    report = paycheck.check(paycheck.load(EXAMPLE))
    for finding in report.findings:  # the engine's own texts, in Chinese
        text = finding.text("zh_CN").replace("'", "&#39;").replace('"', "&#34;")
        assert text in answer["html"], text
    assert "应补发给您" in answer["html"]
    assert answer["form"]["contract"]["wage"] == "6000.00"  # to fill the form with


def test_an_uploaded_file_is_read_by_the_safe_loader(server):
    status, _, body = request(
        server, "POST", "/api/upload?name=x.yaml&lang=en", b"a: !!python/object:os.system x\n"
    )
    assert status == 422
    assert "malformed YAML" in json.loads(body)["error"]
    status, _, body = request(server, "POST", "/api/upload?name=x.exe&lang=en", b"MZ")
    assert status == 422 and "unknown file type" in json.loads(body)["error"]


def test_the_validation_endpoint_names_the_field_and_the_problem(server):
    status, _, body = request(
        server, "POST", "/api/validate?lang=en", payslip_json(contract__wage="6,000")
    )
    assert status == 422
    errors = json.loads(body)["errors"]
    assert errors[0]["field"] == "contract.wage"
    assert errors[0]["problem"] == "'6,000' is not a decimal amount such as \"6000.00\""
    assert errors[0]["text"].startswith("Write an amount in figures")
    _, _, body = request(
        server, "POST", "/api/validate?lang=zh_CN", payslip_json(contract__wage="6,000")
    )
    assert json.loads(body)["errors"][0]["text"].startswith("请写成金额数字")
    status, _, body = request(server, "POST", "/api/validate", payslip_json())
    assert status == 200 and json.loads(body) == {"ok": True, "errors": []}


def test_money_as_a_json_number_with_a_fraction_is_refused_as_the_library_does(server):
    body = payslip_json().replace(b'"6000.00"', b"6000.50")
    status, _, answer = request(server, "POST", "/api/validate?lang=en", body)
    assert status == 422
    assert "write it in quotes" in json.loads(answer)["errors"][0]["problem"]


def test_the_payslip_built_on_the_page_downloads_as_a_file_that_checks_the_same(server, tmp_path):
    status, headers, body = request(server, "POST", "/api/yaml?lang=zh_CN", payslip_json())
    assert status == 200
    assert headers["content-disposition"] == 'attachment; filename="payslip.yaml"'
    saved = tmp_path / "payslip.yaml"
    saved.write_bytes(body)
    assert body.decode().startswith("# 由 paycheck serve 生成")
    assert (
        paycheck.check(paycheck.load(saved)).total_owed
        == paycheck.check(paycheck.load(EXAMPLE)).total_owed
    )


def test_the_calendar_of_a_month_comes_from_the_rule_pack(server):
    status, _, body = request(server, "GET", "/api/calendar?code=CN-GD-SZ&month=2021-10&lang=zh_CN")
    assert status == 200
    days = {d["date"]: d for d in json.loads(body)["days"]}
    assert days["2021-10-01"]["kind"] == "holiday" and "国庆节" in days["2021-10-01"]["text"]
    assert days["2021-10-09"]["kind"] == "makeup"
    assert days["2021-10-10"]["kind"] == "rest"
    assert days["2021-10-11"]["kind"] == "working"
    assert request(server, "GET", "/api/calendar?code=XX&month=2021-10")[0] == 400


def test_the_claim_is_offered_only_once_the_claim_can_be_built(server):
    from paycheck.web.app import claim_available

    status, _, _ = request(server, "POST", "/api/claim", payslip_json())
    assert status == (200 if claim_available() else 404)


def test_every_asset_ships_in_the_package():
    from paycheck.web import app

    assert (app.HERE / "static" / "app.js").exists() and (app.HERE / "static" / "app.css").exists()
    for name in ("page.html", "report.html"):
        assert (app.HERE / "templates" / name).exists()


# -- the command, and the rest of paycheck without the web framework -------------------------


def test_importing_paycheck_or_checking_never_loads_the_web_framework():
    code = (
        "import sys, paycheck, paycheck.cli\n"
        "code = paycheck.cli.main(['check', sys.argv[1]])\n"
        "loaded = [m for m in ('starlette', 'uvicorn', 'jinja2') if m in sys.modules]\n"
        "assert code == 1 and loaded == [], loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_serve_without_the_web_extra_says_how_to_install_it():
    code = (
        "import sys\n"
        "sys.modules['starlette'] = None  # as if the extra were not installed\n"
        "from paycheck.cli import main\n"
        "sys.exit(main(['serve', '--no-browser']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "paycheck: the web page needs the web extra: pip install '.[web]' (in the checkout)"
    ]


def test_a_port_in_use_is_one_line_and_exit_2(server):
    _, port = server
    done = subprocess.run(
        [sys.executable, "-m", "paycheck.cli", "serve", "--port", str(port), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"paycheck: cannot listen on 127.0.0.1 port {port}")


# -- the web catalogs ----------------------------------------------------------------------


def _po(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "web.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_web_message_has_a_chinese_translation_with_the_same_placeholders():
    english, chinese = _po("en"), _po("zh_CN")
    assert sorted(set(english) - set(chinese)) == []
    assert sorted(set(chinese) - set(english)) == []
    assert [k for k, v in {**english, **chinese}.items() if not v] == []
    assert [k for k in english if _fields(english[k]) != _fields(chinese[k])] == []


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_each_compiled_web_catalog_is_its_po_file(lang):
    from paycheck.web.i18n import catalog

    mo = catalog(lang)
    for key, text in _po(lang).items():
        assert mo.gettext(key) == text, f"{key}: run pybabel compile -d src/paycheck/locale -D web"


def test_every_text_the_page_names_is_in_the_catalog():
    from paycheck import model
    from paycheck.law.packs import Status

    english = _po("en")
    named = set()
    for path in [*(WEB / "templates").glob("*.html"), WEB / "static" / "app.js"]:
        named |= set(re.findall(r"""\bt\(["']([\w.:-]+)["']""", path.read_text("utf-8")))
    for path in WEB.glob("*.py"):
        named |= set(re.findall(r"""\btr\(\s*\w+,\s*["']([\w.:-]+)["']""", path.read_text()))
    families = {  # ids made from a prefix and a value of the payslip format
        "earning": model.EarningKind,
        "deduction": model.DeductionKind,
        "caused-by": model.CausedBy,
        "basis": model.BasisKind,
        "document": model.DocumentKind,
        "termination": model.TerminationKind,
        "termination-reason": model.TerminationReason,
        "severity": paycheck.Severity,
    }
    for prefix, kinds in families.items():
        named |= {f"{prefix}.{k.value}" for k in kinds}
    named |= {f"status.{s.value}" for s in Status}
    named |= {f"weekday.{n}" for n in range(7)} | {f"month.{n}" for n in range(1, 13)}
    named |= {f"day.{kind}" for kind in ("working", "rest", "holiday", "makeup", "off")}
    assert sorted(i for i in named - set(english) if not i.endswith(".")) == []
