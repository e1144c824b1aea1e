# A status date after the horizon is one error: the projects whose
# status needs a status date get no follow-up "Status date needed".
roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2031-Q1"
}

team "platform" {
  capacity = 4
}

project "under_way" {
  duration = 4
  effort   = { platform = 1 }
  status   = "in_progress"
  started  = "2027-Q1"
}

project "finished" {
  duration = 1
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
}

project "stopped" {
  duration = 1
  status   = "cancelled"
}
