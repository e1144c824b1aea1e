# The replacement goes live past the horizon (review F14): r takes the
# whole horizon, so s runs unsupported for its last two quarters and u
# (no end of support) is retired after the horizon.
roadmap {
  name    = "Late go-live"
  start   = "2027-Q1"
  horizon = 4

  policy {
    replace_before_end_of_support = true
  }
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 10
  cost_per_fte = 10000
}

system "s" {
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 40000
  }
}

system "u" {
  run_cost {
    per_year = 8000
  }
}

project "r" {
  goals    = { g = 0.9 }
  duration = 4
  effort   = { t = 1 }
  replaces = [system.s, system.u]
  cost {
    per_year = 12000
  }
}
