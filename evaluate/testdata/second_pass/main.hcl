# Rank order's second pass (issue 15, review finding Q2). Opex pays
# 100,000 a year, and as much a year once everything is live. analytics,
# portal and chat each add 60,000 a year of run cost: at its turn only
# the first fits, so portal and chat are deferred ("nor in a year once
# live"). new_crm, ranked last, retires old_crm (200,000 a year) for
# 20,000 a year of its own: from its go-live (2027-Q3) opex pays 180,000
# a year less. The second pass tries the deferred projects again, in rank
# order, against the whole schedule: portal and chat fit (2027: 45,000 x
# 3 - 90,000 = 45,000; 2028 and once live: 180,000 - 180,000 = 0), and
# chat_bot, which needs chat, with it. warehouse (250,000 a year) does not
# fit even then, and its notes say so against the whole schedule.

roadmap {
  name     = "Second pass"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 8
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 1000000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}

system "old_crm" {
  run_cost {
    per_year = 200000
  }
}

project "analytics" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 10000
    per_year = 60000
  }
  benefit {
    per_year = 2000000
  }
}

project "warehouse" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 10000
    per_year = 250000
  }
  benefit {
    per_year = 3000000
  }
}

project "portal" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 10000
    per_year = 60000
  }
  benefit {
    per_year = 1500000
  }
}

project "chat" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 10000
    per_year = 60000
  }
  benefit {
    per_year = 1200000
  }
}

project "chat_bot" {
  goals      = { g = 1 }
  duration   = 1
  depends_on = [project.chat]
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 1000000
  }
}

project "new_crm" {
  goals    = { g = 1 }
  duration = 2
  replaces = [system.old_crm]
  cost {
    one_time = 20000
    per_year = 20000
  }
  benefit {
    per_year = 10000
  }
}
