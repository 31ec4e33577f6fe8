"""The checks paycheck runs, by stable rule id: the same ids in every jurisdiction.

What each check means is written here once; the law behind it (the numbers and
the articles) comes from each jurisdiction's rule pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from paycheck.model import DeductionKind


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    explanation: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "resignation-penalty",
            "A penalty for resigning or for short notice",
            "A deduction because the employee resigned, or gave less notice than the contract "
            "asks. Where the law allows no such penalty it is owed back in full; where it lets "
            "the employer keep the wages of the notice not given, only the excess is owed.",
        ),
        Rule(
            "fine",
            "A fine imposed by the employer",
            "A disciplinary fine deducted from wages. Where the jurisdiction prohibits fines it is "
            "owed back in full; where the law is contested (a fine on the basis the law may "
            "accept, such as a lawfully adopted company rule or written consent, within any cap) "
            "the amount is shown as uncertain, and any excess over the cap is owed.",
        ),
        Rule(
            "loss-deduction",
            "Compensation for a loss deducted from wages",
            "A deduction for a loss the employer suffered. It is lawful only for a loss the "
            "employee caused, within the monthly cap, leaving at least the minimum wage, and "
            "where the law asks for it, after written notice of reason and amount.",
        ),
        Rule(
            "business-cost",
            "A cost of the business charged to the employee",
            "Goods given to customers, delivery or other third-party fees the employer chose to "
            "incur, tools or shortfalls of the business: the employer's costs, not a deduction "
            "the law allows from wages.",
        ),
        Rule(
            "undocumented-deduction",
            "A deduction with no documented basis",
            "Any deduction outside the jurisdiction's statutory withholding list (income tax, "
            "the employee's social insurance and the like) that states no statute, contract "
            "clause, written consent, court order or company rule behind it, or lacks a request, "
            "consent or permission the law requires before it.",
        ),
        Rule(
            "deduction-limit",
            "More deducted in a month than the law allows",
            "The month's deductions, less the kinds the law leaves out of the count, compared "
            "with the share of the month's wages an employer may deduct; the excess is owed. "
            "Some jurisdictions lift the limit on the final pay.",
        ),
        Rule(
            "minimum-wage",
            "Pay for normal work below the minimum wage",
            "Pay for normal hours (without overtime and the allowances the law leaves out) "
            "compared with the local minimum wage in force, prorated by paid days for a partial "
            "month.",
        ),
        Rule(
            "proration",
            "Pay for a partial month, or for a full month, below the lawful figure",
            "The base pay for the days in employment, computed by each lawful method the "
            "jurisdiction recognises; less than the lowest of them is an underpayment.",
        ),
        Rule(
            "overtime-premium",
            "Overtime paid below the statutory premium",
            "Each overtime record priced at the multiplier for its class of day (working day, "
            "rest day, statutory holiday) on the hourly wage; overtime paid less is owed the "
            "difference.",
        ),
        Rule(
            "overtime-base",
            "Overtime computed on a base below the contract wage",
            "Overtime must be priced on the employee's own normal-hours wage, never a lower "
            "figure such as the minimum wage.",
        ),
        Rule(
            "overtime-hours",
            "More overtime than the law allows",
            "Overtime hours over the daily or monthly limit. Nothing is owed for this finding "
            "itself, but it breaks the hours rule (exceptions such as emergencies apply).",
        ),
        Rule(
            "net-pay-arithmetic",
            "The stated net pay does not add up",
            "Stated earnings minus stated deductions compared with the stated net pay.",
        ),
        Rule(
            "not-checked",
            "Something could not be verified",
            "A check that could not run, with the input that was missing or the reason (a year "
            "the calendar does not cover, an unsupported working-hours system).",
        ),
        Rule(
            "late-payment",
            "Wages paid after the day they were due",
            "The day the payslip (or a line) was paid compared with the last day the law, or "
            "the agreed payday within it, lets wages be paid: moved to the working day before "
            "where the law says so, with the final pay and overtime on their own days where "
            "the law gives them. Nothing is owed for the delay itself; the finding names the "
            "days late and what the law attaches to late wages. Where the law allows a delay "
            "on conditions a payslip cannot show, or its text was not read, it is uncertain.",
        ),
        Rule(
            "holiday-pay",
            "A statutory holiday not worked, not paid",
            "A statutory or public holiday the employee did not work, where the law pays it "
            "apart from the monthly salary: an hourly-paid employee's normal day's pay for a "
            "holiday on a scheduled day, or a day's pay for a holiday on a day the employee is "
            "not required to work unless a day off was given in substitution. Paid less on the "
            "payslip's holiday-pay lines is owed the difference.",
        ),
        Rule(
            "severance",
            "Severance owed on leaving, not paid in full",
            "What the law owes an employee for the way and the reason the employment ended "
            "(经济补偿: a month's wage per year of service), "
            "against the payslip's severance lines. An ending the law owes nothing for (an "
            "ordinary resignation) gives no finding; one that rests on a reason the employee "
            "asserts and the employer may dispute is uncertain, and says so.",
        ),
        Rule(
            "annual-leave-pay",
            "Statutory annual leave not taken, not paid on leaving",
            "The statutory annual leave of the year of leaving, pro rata to the time worked, "
            "less the days taken, priced at the rate the law sets, against the payslip's "
            "annual-leave-pay lines.",
        ),
        Rule(
            "notice-pay",
            "Wages of the notice the employer did not give",
            "Where the employer ended the employment without the notice the law requires, the "
            "wages of the notice not given, against the payslip's notice-pay lines.",
        ),
        Rule(
            "hours-worked",
            "Hours worked that were not paid",
            "Time the payslip's daily records show as unpaid but which the law counts as hours "
            "worked (short breaks; boot-up and log-out time where the law may count it), "
            "priced by the workweek with its overtime, beyond what the hours paid were owed.",
        ),
        Rule(
            "exemption",
            "An overtime exemption that does not apply",
            "An employer that claims an employee is exempt from overtime must pay at least the "
            "law's salary level (and the duties must fit): below it, or with duties that do "
            "not, overtime is checked as for any employee.",
        ),
        Rule(
            "meal-rest-premium",
            "An extra hour's pay for a meal or rest period not provided",
            "Where the law requires meal and rest periods and pays an additional hour at the "
            "regular rate of compensation for each workday one was not provided (at most one "
            "for meal periods and one for rest periods a day), the premiums due for the days "
            "the payslip records, against its premium lines.",
        ),
        Rule(
            "expense-reimbursement",
            "Expenses of the job not reimbursed",
            "What the employee spent in doing the job (an own phone or internet used for work) "
            "is the employer's to reimburse where the law says so: the work share of the "
            "expense less what was reimbursed. Where the law fixes no share and the payslip "
            "states none, the amount is uncertain.",
        ),
        Rule(
            "waiting-time-penalty",
            "A penalty for final wages paid late",
            "Where the law continues the employee's daily wages as a penalty for each day the "
            "final wages are paid late (up to a limit of days), the penalty for the days late; "
            "uncertain where it needs a wilful failure the payslip does not record.",
        ),
    ]
}

RuleId = StrEnum("RuleId", {rule: rule for rule in RULES})  # type: ignore[misc]
"""The rule ids as an enum, so that a report names a rule in the reader's language
(``enum.RuleId.<id>`` in the catalog; English shows the id)."""

RULE_OF_KIND = {
    DeductionKind.RESIGNATION_PENALTY: "resignation-penalty",
    DeductionKind.FINE: "fine",
    DeductionKind.LOSS_COMPENSATION: "loss-deduction",
    DeductionKind.BUSINESS_COST: "business-cost",
}
"""The rule that judges a deduction of a kind (others: ``undocumented-deduction``)."""
