# Work under way whose forecast ends past the year 9999: a pace that a
# typo made absurd (0.0000001 for 10%), and a remaining duration too long.
roadmap {
  start   = "2027"
  period  = "year"
  horizon = 8
  as_of   = "2029"
}

team "platform" {
  capacity = 4
}

project "typo" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027"
  progress {
    percent_complete = 0.0000001
  }
}

project "tiny" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027"
  progress {
    percent_complete = 1e-300
  }
}

project "long" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027"
  progress {
    percent_complete   = 0.5
    remaining_duration = 8000
  }
}

# Within the dates a roadmap may plan: a forecast past the horizon is a
# warning of the plan, not an error here.
project "late" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027"
  progress {
    percent_complete   = 0.2
    remaining_duration = 20
  }
}
