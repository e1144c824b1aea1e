# A system two projects replace, not options of one choice (review Q3):
# which retires it first depends on the schedule, so its run cost frees
# no room in the opex budget; each replacer says so.
roadmap {
  name    = "Shared retirement"
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

budget "opex" {
  kind   = "opex"
  amount = 100000
}

system "crm_old" {
  run_cost {
    per_year = 50000
  }
}

project "crm_sales" {
  goals    = { g = 0.6 }
  duration = 2
  replaces = [system.crm_old]
  cost {
    per_year = 20000
  }
}

project "crm_service" {
  goals    = { g = 0.5 }
  duration = 3
  replaces = [system.crm_old]
}
