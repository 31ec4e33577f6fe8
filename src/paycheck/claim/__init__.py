"""A claim the employee can file: the amounts owed, the articles, the evidence, where to
file and by when."""
