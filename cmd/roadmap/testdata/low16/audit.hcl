roadmap {
  name    = "Audit wording"
  start   = "2027-Q1"
  horizon = 4
  policy {
    replace_before_end_of_support = true
  }
}

goal "g" {}

team "t" {
  capacity     = 1
  max_parallel = 1
}

system "old_crm" {
  end_of_support = "2027-Q1"
  run_cost { per_year = 50000 }
}

system "fax" {
  end_of_support = "2027-Q2"
  run_cost { per_year = 10000 }
}

system "tape" {
  end_of_support = "2030-Q4"
  run_cost { per_year = 15000 }
}

system "mail" {
  end_of_support = "2029-Q4"
  run_cost { per_year = 5000 }
}

project "crm" {
  goals    = { g = 1 }
  replaces = [system.old_crm]
  duration = 2
  effort   = { t = 1 }
}

project "backup" {
  goals    = { g = 0.5 }
  replaces = [system.tape]
  duration = 2
  effort   = { t = 1 }
}
