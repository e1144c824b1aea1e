# Systems that two projects replace, both of which run: the first to go
# live retires each, once. old: fast goes live before slow. tie: t1 and
# t2 go live in the same quarter (the better ranked retires it). gone: a
# project done before the status date retired it; late replaces it too.
roadmap {
  name          = "Shared saving"
  start         = "2027-Q1"
  horizon       = 8
  as_of         = "2027-Q2"
  discount_rate = 0.08
}

system "old" {
  end_of_support = "2028-Q4"
  run_cost {
    per_year = 100000
  }
}

system "tie" {
  run_cost {
    per_year = 40000
  }
}

system "gone" {
  run_cost {
    per_year = 30000
  }
}

system "solo" {
  run_cost {
    per_year = 20000
  }
}

project "fast" {
  duration = 1
  cost {
    one_time = 50000
  }
  replaces = [system.old]
}

project "slow" {
  duration = 3
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 60000
  }
  risk {
    failure = 0.2
  }
  replaces = [system.old, system.solo]
}

project "t1" {
  duration = 1
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 5000
  }
  replaces = [system.tie]
}

project "t2" {
  duration = 1
  cost {
    one_time = 10000
  }
  replaces = [system.tie]
}

project "done_r" {
  duration = 1
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q1"
  replaces = [system.gone]
}

project "late" {
  duration = 2
  cost {
    one_time = 20000
  }
  replaces = [system.gone]
}
