# Options projects need through together (review qa15e E1, E8): a
# mandatory project needs o2 through depends_on then together, committed
# work needs e through together, and work in progress runs together with
# b, which its choice takes for it over c (review Q7: running work is at
# least as binding as committed work).
roadmap {
  name    = "needed_together"
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

goal "g" {
  weight = 1
}

project "o1" {
  goals    = { g = 0.9 }
  duration = 1
}

project "o2" {
  goals    = { g = 0.5 }
  duration = 1
}

choice "k" {
  options = [project.o1, project.o2]
}

project "x" {
  goals      = { g = 0.1 }
  duration   = 1
  mandatory  = true
  depends_on = [project.mid]
}

project "mid" {
  goals    = { g = 0.05 }
  duration = 1
  together = [project.o2]
}

project "a" {
  goals    = { g = 0.5 }
  duration = 4
  status   = "in_progress"
  started  = "2027-01-01"
  together = [project.b]
  progress {
    percent_complete = 0.5
  }
}

project "b" {
  goals    = { g = 0.3 }
  duration = 1
}

project "c" {
  goals    = { g = 0.8 }
  duration = 1
}

choice "k2" {
  options = [project.b, project.c]
}

project "d" {
  goals    = { g = 0.4 }
  duration = 2
  status   = "committed"
  together = [project.e]
}

project "e" {
  goals    = { g = 0.2 }
  duration = 1
}

project "f" {
  goals    = { g = 0.7 }
  duration = 1
}

choice "k3" {
  options = [project.e, project.f]
}
