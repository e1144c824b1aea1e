# A system replaced by a project finished before the status date: the
# audit counts the done replacement (live the quarter after it finished),
# as the run rate does.
roadmap {
  name    = "Done replacement"
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q4"

  policy {
    replace_before_end_of_support = true
  }
}

team "t" {
  capacity = 4
}

system "s1" {
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 12000
  }
}

project "done1" {
  duration = 2
  effort   = { t = 1 }
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
  replaces = [system.s1]
}
