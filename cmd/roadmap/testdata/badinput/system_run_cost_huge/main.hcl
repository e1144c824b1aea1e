# A system's run cost of 1e308 replaced by a project: its saving over five
# years overflows. One error, at the system's run_cost.per_year (review F5:
# it blamed the project's figures, twice).
roadmap {
  start = "2027-Q1"
}

goal "g" {
  weight = 1
}

system "ancient" {
  run_cost {
    per_year = 1e308
  }
}

project "self" {
  goals    = { g = 0.9 }
  duration = 1
  replaces = [system.ancient]
}
