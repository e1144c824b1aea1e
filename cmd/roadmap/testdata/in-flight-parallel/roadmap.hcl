# Two projects in progress on a team of max_parallel = 1 (review
# qa15f/mp): they keep their place, and the plan warns, naming the team,
# the projects and the periods; "c" waits for a slot.
roadmap {
  name    = "In flight over max_parallel"
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-04-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 2
  cost_per_fte = 10000
  max_parallel = 1
}

project "a" {
  goals    = { g = 0.5 }
  duration = 3
  effort   = { t = 0.5 }
  status   = "in_progress"
  started  = "2027-01-01"
  progress {
    percent_complete = 0.3
  }
}

project "b" {
  goals    = { g = 0.4 }
  duration = 3
  effort   = { t = 0.5 }
  status   = "in_progress"
  started  = "2027-01-01"
  progress {
    percent_complete = 0.3
  }
}

project "c" {
  goals    = { g = 0.3 }
  duration = 1
  effort   = { t = 0.5 }
}
