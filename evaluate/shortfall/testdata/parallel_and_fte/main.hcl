# review qa18 Q5 (in/tf1): c needs 1 FTE and a slot of dev in 2027-Q1; FTE alone does not do it.
roadmap {
  start   = "2027-Q1"
  horizon = 3
}
goal "g" {
  weight = 1
}
team "dev" {
  capacity     = 2
  max_parallel = 2
}
project "a" {
  goals    = { g = 0.9 }
  duration = 1
  effort   = { dev = 2 }
  benefit {
    per_year = 100000
  }
}
project "b" {
  goals    = { g = 0.8 }
  duration = 2
  effort   = { dev = 0.5 }
  benefit {
    per_year = 100000
  }
}
project "c" {
  goals    = { g = 0.7 }
  duration = 3
  effort   = { dev = 1 }
  benefit {
    per_year = 100000
  }
}
