# Only the roadmap's max_parallel keeps b out: a holds its one slot.
roadmap {
  start        = "2027-Q1"
  horizon      = 8
  max_parallel = 1
}
goal "g" {
  weight = 1
}
team "apps" {
  capacity = 5
}
project "a" {
  goals    = { g = 1 }
  duration = 8
  effort   = { apps = 1 }
  benefit {
    per_year = 1000
  }
}
project "b" {
  goals    = { g = 0.5 }
  duration = 2
  effort   = { apps = 1 }
  benefit {
    per_year = 500
  }
}
