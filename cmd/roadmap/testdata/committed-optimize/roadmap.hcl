roadmap {
  start   = "2027-Q1"
  horizon = 2
  as_of   = "2027-01-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 2
}

project "long" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { t = 1 }
  status   = "committed"
}

project "first" {
  duration = 1
  effort   = { t = 2 }
  status   = "committed"
}

project "second" {
  duration = 1
  effort   = { t = 2 }
  status   = "committed"
}
