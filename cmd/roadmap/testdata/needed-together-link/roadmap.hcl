# A mandatory project needs "e" through a together link (review Q8):
# "m" depends on "d", which runs together with "e"; both are placed at
# m's turn, ahead of their ranks, and e's reason names the links.
roadmap {
  name    = "Needed through together"
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 1
  cost_per_fte = 10000
}

project "big" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { t = 1 }
  benefit {
    per_year = 100000
  }
}

project "m" {
  goals      = { g = 0.1 }
  duration   = 1
  mandatory  = true
  depends_on = [project.d]
}

project "d" {
  goals    = { g = 0.3 }
  duration = 1
  together = [project.e]
}

project "e" {
  goals    = { g = 0.05 }
  duration = 1
}
