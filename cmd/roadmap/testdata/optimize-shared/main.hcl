# Two projects replace system old; the optimiser counts its saving once
# (with the first to go live), as the plan's totals do. a is the flagship and
# stays; as if alone b (NPV 598,000) beats c (298,000), but beside a, b adds
# only its own 20,000 a year: the optimiser schedules c instead.
roadmap {
  start   = "2027-Q1"
  horizon = 4
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 1
  cost_per_fte = 1000
}

system "old" {
  run_cost {
    per_year = 100000
  }
}

project "a" {
  goals    = { g = 1 }
  duration = 2
  effort   = { t = 1 }
  replaces = [system.old]
}

project "b" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { t = 1 }
  replaces = [system.old]
  benefit {
    per_year = 20000
  }
}

project "c" {
  goals    = { g = 0.1 }
  duration = 2
  effort   = { t = 1 }
  benefit {
    per_year = 60000
  }
}
