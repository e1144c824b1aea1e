# An option a mandatory project needs (review Q6): "o2" ranks 1, with the
# mandatory project that needs it, ahead of "o1", the better option, which
# its choice drops; "other" is the flagship. The option's reason says why
# it ranks there, and the flagship legend why it and "o1" are passed over.
roadmap {
  name    = "Needed option"
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 4
  cost_per_fte = 10000
}

project "o1" {
  goals    = { g = 0.6 }
  duration = 1
  effort   = { t = 1 }
  benefit {
    per_year = 100000
  }
}

project "o2" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
  benefit {
    per_year = 100000
  }
}

project "reports" {
  goals      = { g = 0.1 }
  duration   = 1
  depends_on = [project.o2]
  mandatory  = true
}

project "other" {
  goals    = { g = 0.3 }
  duration = 1
  benefit {
    per_year = 10000
  }
}

choice "x" {
  options = [project.o1, project.o2]
}
