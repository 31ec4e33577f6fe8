"""The law as data: the declared parameter vocabulary, the rule packs that give the
parameters dated, cited values, the named formulas where laws differ in shape, and the
calendars of working days, rest days and holidays."""
