# Four systems, one of each case: replaced in time, replaced late, out of
# support with no replacement scheduled, supported past the horizon.
roadmap {
  name    = "Audit"
  start   = "2027-Q1"
  horizon = 6

  policy {
    replace_before_end_of_support = true
  }
}

team "apps" {
  capacity = 1
}

system "erp" {
  end_of_support = "2027-Q4"
  run_cost {
    per_year = 100000
  }
}

system "desk" {
  end_of_support = "2027-Q1"
  run_cost {
    per_year = 20000
  }
  risk {
    security = 0.2
  }
}

system "crm" {
  end_of_support = "2027-Q3"
}

system "backup" {
  end_of_support = "2030"
}

project "erp_upgrade" {
  duration = 2
  effort   = { apps = 1 }
  replaces = [system.erp]
}

project "new_desk" {
  duration = 2
  effort   = { apps = 1 }
  replaces = [system.desk]
}

project "new_crm" {
  duration = 9
  replaces = [system.crm]
}
