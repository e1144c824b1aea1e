roadmap {
  start = "2027-Q1"
  as_of = "2027-Q3"
}

team "platform" {
  capacity = 4
}

project "half" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027-Q1"
  progress {
    spent              = -5
    percent_complete   = 1.4
    remaining_duration = 0
    remaining_effort   = { platfrom = 1, platform = -1 }
    remaining_cost     = -100
  }
}

project "ranged" {
  duration = 4
  status   = "in_progress"
  started  = "2027-Q1"
  progress {
    percent_complete   = -0.1
    remaining_duration = pert(1, 2, 3)
  }
}

project "fraction" {
  duration = 4
  status   = "in_progress"
  started  = "2027-Q1"
  progress {
    remaining_duration = 1.5
    unknown            = 1
  }
}

project "twice" {
  duration = 4
  status   = "in_progress"
  started  = "2027-Q1"
  progress {
    spent = 1
  }
  progress {
    spent = 2
  }
}
