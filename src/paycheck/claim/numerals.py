"""Amounts in Chinese capital numerals (大写金额), as a claim and a cheque write them.

The rules are those of 正确填写票据和结算凭证的基本规定 (the People's Bank of China's rules
for writing bills, 《支付结算办法》 附件一):

* the digits 零壹贰叁肆伍陆柒捌玖 and the units 拾佰仟万亿, 元角分 (10 is 壹拾);
* a zero between digits is written 零, and a run of zeros once; a zero at the end of a
  section of four digits is not written;
* 整 follows 元 when there are no 角 and 分; nothing follows 分;
* a 角 of zero before a 分 that is not is written 零 (325.04: 叁佰贰拾伍元零肆分).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ("", "拾", "佰", "仟")
SECTIONS = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """A number below 10,000 with its units; zeros inside written once, trailing zeros
    left out; the caller decides about a leading zero."""
    out, zero = "", False
    for power in range(3, -1, -1):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[digit] + UNITS[power]
    return out


def _integer(n: int) -> str:
    """A whole number in capitals (0: 零)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    if len(groups) > len(SECTIONS):
        raise ValueError("too large for Chinese capital numerals")
    out, gap = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"  # a zero between sections, or leading zeros of this section
        out += _section(group) + SECTIONS[index]
        gap = False
    return out


def capital(amount: Decimal) -> str:
    """``3744.39`` -> ``叁仟柒佰肆拾肆元叁角玖分``; ``1200`` -> ``壹仟贰佰元整``."""
    if amount < 0:
        raise ValueError("a negative amount has no capital form")
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if not jiao and not fen:
        return _integer(yuan) + "元整"
    out = _integer(yuan) + "元" if yuan else ""
    if jiao:
        out += DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += DIGITS[fen] + "分"
    return out
