roadmap {
  name    = "slot (review qa18 Q18-6)"
  start   = "2027-Q1"
  horizon = 8
}
goal "g" {
  weight = 1
}
department "d" {
  title = "D"
}
team "apps" {
  capacity     = 5
  max_parallel = 1
}
project "a" {
  goals       = { g = 1 }
  endorsed_by = [department.d]
  duration    = 8
  effort      = { apps = 1 }
  benefit {
    per_year = 1000
  }
}
project "b" {
  goals       = { g = 0.5 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { apps = 1 }
  benefit {
    per_year = 500
  }
}
