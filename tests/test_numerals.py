"""Chinese capital numerals (大写金额), against the examples of 正确填写票据和结算凭证的基本规定
(中国人民银行《支付结算办法》附件一), where the rule leaves a 零 optional the shorter form."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycheck.claim.numerals import DIGITS, capital


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("3744.39", "叁仟柒佰肆拾肆元叁角玖分"),  # the Shenzhen story's total
        ("1409.50", "壹仟肆佰零玖元伍角"),  # a zero between digits: 零
        ("6007.14", "陆仟零柒元壹角肆分"),  # a run of zeros: one 零
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),  # 元位 0, 角 not: 零 may be left out
        ("107000.53", "壹拾万柒仟元伍角叁分"),  # 壹拾万; the zeros of the 元 section unwritten
        ("325.04", "叁佰贰拾伍元零肆分"),  # 角 0 before a 分: 零 must be written
        ("1200.00", "壹仟贰佰元整"),  # to 元: 整
        ("0.50", "伍角"),
        ("0", "零元整"),
        ("100010", "壹拾万零壹拾元整"),
        ("20000000.01", "贰仟万元零壹分"),
        ("100000000", "壹亿元整"),
    ],
)
def test_capital_numerals(amount, words):
    assert capital(Decimal(amount)) == words


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_amount_reads_back(cents):
    """Reading the words back gives the amount: each digit sits before its unit."""
    words = capital(Decimal(cents) / 100)
    units = {"拾": 10, "佰": 100, "仟": 1000}
    total, section, number = 0, 0, 0
    for ch in words:
        if ch in DIGITS:
            number = DIGITS.index(ch)
        elif ch in units:
            section += number * units[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10_000
            section = number = 0
        elif ch == "亿":
            total = (total + section + number) * 100_000_000
            section = number = 0
        elif ch == "元":
            total += section + number
            section = number = 0
            total *= 100
        elif ch == "角":
            total += number * 10
            number = 0
        elif ch == "分":
            total += number
            number = 0
    assert total == cents, words
