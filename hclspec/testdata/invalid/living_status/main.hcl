roadmap {
  start = "2027-Q1"
  as_of = "2027-Q3"
}

team "platform" {
  capacity = 4
}

# Started after the status date.
project "future" {
  duration = 2
  status   = "in_progress"
  started  = "2027-Q4"
}

# Done, but when did it finish?
project "no_finish" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
}

# In progress without a start.
project "no_start" {
  duration = 2
  status   = "in_progress"
  progress {
    spent = 1000
  }
}

# A proposed project has not started.
project "proposed_started" {
  duration = 2
  started  = "2027-Q1"
}

# Progress on a project nobody has started.
project "proposed_progress" {
  duration = 2
  progress {
    spent = 10
  }
}

# Committed, with progress too.
project "committed_progress" {
  duration = 2
  status   = "committed"
  finished = "2027-Q2"
  progress {
    percent_complete = 0.2
  }
}

# Finished in the future.
project "finished_later" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q4"
}

# Finished before it started.
project "backwards" {
  duration = 2
  status   = "done"
  started  = "2027-Q2"
  finished = "2027-Q1"
}

# In progress, yet finished.
project "both" {
  duration = 2
  status   = "in_progress"
  started  = "2027-Q1"
  finished = "2027-Q2"
  progress {
    spent = 5
  }
}

# Done with forecasts and only half complete.
project "done_forecast" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
  progress {
    percent_complete   = 0.5
    remaining_duration = 1
  }
}

project "misspelt" {
  duration = 2
  status   = "inprogress"
}

# Spent money, but never started.
project "cancelled_spent" {
  duration = 2
  status   = "cancelled"
  progress {
    spent = 20000
  }
}
