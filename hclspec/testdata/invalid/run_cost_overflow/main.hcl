# System run costs too large to count: each error points at the
# run_cost.per_year that overflows, once, not at a project's figures.
roadmap {
  start = "2027-Q1"
}

goal "g" {
  weight = 1
}

# The systems' run costs a year add up past the largest number at b.
system "a" {
  run_cost {
    per_year = 1e308
  }
}

system "b" {
  run_cost {
    per_year = 1e308
  }
}

# c's run cost over p's five years of benefit (its saving) overflows.
system "c" {
  run_cost {
    per_year = 1e308
  }
}

project "p" {
  goals    = { g = 1 }
  duration = 1
  replaces = [system.c]
}

# Each of d and e is finite over q's two years; together they are not.
system "d" {
  run_cost {
    per_year = 6e307
  }
}

system "e" {
  run_cost {
    per_year = 6e307
  }
}

project "q" {
  goals    = { g = 1 }
  duration = 1
  replaces = [system.d, system.e]
  benefit {
    years = 2
  }
}
